// A stored grade brought up to date after a touch is logged (a call, a visit, an email), without regrading the workspace.
import type { ScoringConfig } from "../config";
import { dayNumber, isoDate, timestampMs } from "../dates";
import type { InteractionRecord } from "../records";
import { serviceLevelFor } from "../service";
import { compareSuggestions, followUpSuggestion, replySuggestion } from "../suggest";
import { sortSmall } from "./small-sort";
import type { CustomerGrade } from "./types";

export type Touch = Pick<InteractionRecord, "occurredAt" | "direction" | "kind">;

/**
 * The grade after one more touch, for what a rep sees change at once: the last contact, the service level's next
 * follow-up, the follow-up step, and the reply step (an outgoing touch answers an earlier incoming email; a newer
 * incoming email asks for a reply) — each exactly as a regrade with the touch would make them for the stored tier,
 * as of the later of the grade's date and the touch's. Everything else (touch counts, cost to serve, churn, the tier
 * itself, which a touch's cost to serve can change) waits for that regrade, and so does one case the grade cannot
 * decide: an incoming email dated before the last contact while no reply is pending (the grade does not keep when
 * the last outgoing touch was). Null when nothing changes (an older touch behind the last contact, say). Pure;
 * `grade` is not modified.
 * @example
 * gradeAfterTouch(overdueGrade, { occurredAt: "2026-03-01T09:00:00Z", direction: "out", kind: "call" }, config)
 *   ?.suggestions.some((s) => s.code === "follow-up-overdue") // false
 */
export function gradeAfterTouch(grade: CustomerGrade, touch: Touch, config: ScoringConfig): CustomerGrade | null {
  const at = timestampMs(touch.occurredAt);
  const previous = grade.facts.lastContact;
  const before = previous === null ? Number.NEGATIVE_INFINITY : timestampMs(previous);
  const reply = grade.suggestions.find((s) => s.code === "reply-due");
  const pending = reply ? String(reply.facts.receivedAt) : null;
  const pendingAt = pending === null ? null : timestampMs(pending);

  // The unanswered email, as the engine finds it: the latest incoming email later than the latest outgoing touch.
  let receivedAt = pending;
  if (touch.direction === "out" && pendingAt !== null && at >= pendingAt) receivedAt = null;
  else if (
    touch.direction === "in" &&
    touch.kind === "email" &&
    (at > before || (pendingAt !== null && at > pendingAt))
  )
    receivedAt = touch.occurredAt;

  const lastContact = at > before ? touch.occurredAt : previous;
  if (lastContact === previous && receivedAt === pending) return null;
  return withContactState(
    grade,
    lastContact,
    receivedAt,
    Math.max(dayNumber(grade.asOf), dayNumber(touch.occurredAt)),
    config,
  );
}

/**
 * The grade with its touch-derived parts recomputed from `touches`, the customer's interactions as they now stand
 * (after one was removed, say): the last contact, the service level's next follow-up, the follow-up step and the
 * reply step, by the engine's rules (the reply step for the latest incoming email later than every outgoing touch),
 * as of the later of the grade's date and the latest touch's. The rest waits for the regrade, as in gradeAfterTouch.
 * Pure; `grade` is not modified.
 * @example
 * gradeFromTouches(graded, [], config).facts.lastContact // null: its only touch was removed
 */
export function gradeFromTouches(
  grade: CustomerGrade,
  touches: readonly Touch[],
  config: ScoringConfig,
): CustomerGrade {
  let last = Number.NEGATIVE_INFINITY;
  let lastContact: string | null = null;
  let lastIn = Number.NEGATIVE_INFINITY;
  let lastInAt: string | null = null;
  let lastOut = Number.NEGATIVE_INFINITY;
  for (const t of touches) {
    const ms = timestampMs(t.occurredAt);
    if (ms > last) {
      last = ms;
      lastContact = t.occurredAt;
    }
    if (t.direction === "out" && ms > lastOut) lastOut = ms;
    if (t.direction === "in" && t.kind === "email" && ms > lastIn) {
      lastIn = ms;
      lastInAt = t.occurredAt;
    }
  }
  const receivedAt = lastIn > lastOut ? lastInAt : null;
  const asOfDay =
    lastContact === null ? dayNumber(grade.asOf) : Math.max(dayNumber(grade.asOf), dayNumber(lastContact));
  return withContactState(grade, lastContact, receivedAt, asOfDay, config);
}

/** The grade with this last contact and unanswered email, its service level and contact steps made for them. */
function withContactState(
  grade: CustomerGrade,
  lastContact: string | null,
  receivedAt: string | null,
  asOfDay: number,
  config: ScoringConfig,
): CustomerGrade {
  const asOf = isoDate(asOfDay);
  const facts = { ...grade.facts, lastContact };
  const serviceLevel = serviceLevelFor(grade.tier, lastContact, asOf, config);
  const fresh = { ...grade, facts, serviceLevel };
  const suggestions = grade.suggestions.filter(
    (s) => s.code !== "follow-up-overdue" && s.code !== "follow-up-due" && s.code !== "reply-due",
  );
  if (receivedAt !== null) suggestions.push(replySuggestion(receivedAt, fresh, config));
  const followUp = followUpSuggestion(fresh, asOf, config);
  if (followUp) suggestions.push(followUp);
  // The engine's order: stable, so the steps kept stay in their order and the new ones fall where it puts them.
  fresh.suggestions = sortSmall(suggestions, compareSuggestions);
  return fresh;
}
