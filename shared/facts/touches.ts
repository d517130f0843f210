// Contact facts per customer from interactions, in columns: last contact, recent touches, cost to serve, unanswered email.
import type { ScoringConfig } from "../config";
import { dayNumber, MS_PER_DAY, timestampMs, utcTimestampMs } from "../dates";
import type { InteractionRecord } from "../records";
import { type CustomerIndex, customerPositions } from "./lookup";

/** Per-customer contact figures, index = customer position. */
export interface TouchColumns {
  /** Latest interaction (its ISO timestamp as given), null when none. */
  last: (string | null)[];
  recent: Int32Array;
  /** Interactions in the window × cost per kind (the customer's own figure is applied by the caller). */
  cost: Float64Array;
  /** The latest incoming email still unanswered. */
  unanswered: (string | null)[];
}

/**
 * Touch columns in one pass over the interactions; interactions dated after asOf are ignored.
 * @example
 * accumulateTouches(1, indexCustomers([{ id: "c1" }]), [{ id: "i1", customerId: "c1", kind: "visit", direction: "out", occurredAt: "2026-02-20T10:00:00Z" }], dayNumber("2026-03-01"), defaultConfig()).cost[0] // 50000
 */
export function accumulateTouches(
  count: number,
  indexOf: CustomerIndex,
  interactions: readonly InteractionRecord[],
  asOfDay: number,
  config: ScoringConfig,
): TouchColumns {
  const lastMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const last: (string | null)[] = new Array(count).fill(null);
  const recent = new Int32Array(count);
  const cost = new Float64Array(count);
  const lastInMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const lastIn: (string | null)[] = new Array(count).fill(null);
  const lastOutMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const recentFrom = asOfDay - config.facts.recentDays;
  const windowFrom = asOfDay - config.windowDays;

  const position = customerPositions(interactions, indexOf);
  for (let i = 0; i < interactions.length; i++) {
    const c = position[i] as number;
    if (c < 0) continue;
    const it = interactions[i] as InteractionRecord;
    // One parse for the usual UTC timestamps (their day is the date as written); any other form as before: the
    // written date first, so a timestamp after asOf is skipped before its time is parsed.
    let ms = utcTimestampMs(it.occurredAt);
    let day: number;
    if (Number.isNaN(ms)) {
      day = dayNumber(it.occurredAt);
      if (day > asOfDay) continue;
      ms = timestampMs(it.occurredAt);
    } else {
      day = Math.floor(ms / MS_PER_DAY);
      if (day > asOfDay) continue;
    }
    if (ms > (lastMs[c] as number)) {
      lastMs[c] = ms;
      last[c] = it.occurredAt;
    }
    if (day > recentFrom) recent[c]!++;
    if (day > windowFrom) cost[c]! += config.serviceCost[it.kind];
    if (it.direction === "out" && ms > (lastOutMs[c] as number)) lastOutMs[c] = ms;
    if (it.direction === "in" && it.kind === "email" && ms > (lastInMs[c] as number)) {
      lastInMs[c] = ms;
      lastIn[c] = it.occurredAt;
    }
  }

  const unanswered: (string | null)[] = new Array(count);
  for (let c = 0; c < count; c++)
    unanswered[c] = (lastInMs[c] as number) > (lastOutMs[c] as number) ? (lastIn[c] as string | null) : null;
  return { last, recent, cost, unanswered };
}
