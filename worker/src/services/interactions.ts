// Logging interactions idempotently: D1 reads (match state, then the touched customers' grades), one atomic write
// batch with the grades refreshed for the new touches, per-item 201/200/400/404/422.
import type { Interaction, InteractionResult } from "../../../shared/contract";
import { runBatch, type Statement } from "../db/batch";
import type { Caller, Db } from "../env";
import { bumpDataVersion } from "./data-version";
import { bodyHash, parseItem } from "./interaction-body";
import { gradeRefreshes } from "./interaction-grades";
import { readMatchState, type StoredInteraction } from "./interaction-match";
import { type Plan, planItem } from "./interaction-plan";

export const toInteraction = ({
  workspaceId: _,
  bodyHash: __,
  contactId: ___,
  ...row
}: StoredInteraction): Interaction => row;

const conflict = (id: string): InteractionResult => ({
  id,
  status: 422,
  error: {
    code: "idempotency_conflict",
    message: "This id was already used with a different body; the original is kept.",
    details: [{ field: "id", message: "Already used with a different body." }],
  },
});

/** A repeated id: 200 with the stored interaction when the body hashes agree, else 422. */
const replay = (stored: StoredInteraction, hash: string): InteractionResult =>
  stored.bodyHash === hash ? { id: stored.id, status: 200, interaction: toInteraction(stored) } : conflict(stored.id);

type Slot = { done: InteractionResult } | { plan: Plan } | { repeat: Plan; hash: string };

/**
 * Logs `rawItems` in order for `caller`. A repeated id (stored, or earlier in the batch) replays as 200 or
 * conflicts as 422; an unknown customer answers 404 unless createProspect. Every write goes in one `db.batch`; if
 * it fails (a concurrent request created the same contact first), each item is retried alone on the new state.
 */
export async function logInteractions(
  db: Db,
  caller: Caller,
  rawItems: unknown[],
  fieldPrefix: (index: number) => string,
  retrying = false,
): Promise<InteractionResult[]> {
  const now = Date.now();
  const parsed = rawItems.map((raw, i) => parseItem(raw, fieldPrefix(i), now));
  const items = parsed.flatMap((p) => (p.ok ? [p.item] : []));
  if (items.length === 0) return parsed.flatMap((p) => (p.ok ? [] : [p.result]));
  const state = await readMatchState(db, caller.workspaceId, items);
  const planned = new Map<string, Plan>();
  const slots: Slot[] = [];
  for (const p of parsed) {
    if (!p.ok) {
      slots.push({ done: p.result });
      continue;
    }
    const hash = await bodyHash(p.item);
    const stored = state.stored.get(p.item.id);
    const earlier = planned.get(p.item.id);
    if (stored) slots.push({ done: replay(stored, hash) });
    else if (earlier) slots.push({ repeat: earlier, hash });
    else {
      const outcome = planItem(db, caller, p.item, hash, state);
      if ("insert" in outcome) {
        planned.set(p.item.id, outcome);
        slots.push({ plan: outcome });
      } else slots.push({ done: outcome });
    }
  }
  const plans = [...planned.values()];
  // Each insert's statements first (their results are read by position below), then the refreshed grades.
  const refreshes = await gradeRefreshes(db, caller.workspaceId, plans);
  const statements: Statement[] = [...plans.flatMap((p) => p.statements), ...refreshes];
  if (refreshes.length || plans.some((p) => p.createsRecords)) statements.push(bumpDataVersion(db, caller.workspaceId));
  let written: unknown[];
  try {
    written = await runBatch(db, statements);
  } catch (err) {
    if (retrying) throw err;
    const results: InteractionResult[] = [];
    for (const [i, raw] of rawItems.entries())
      results.push(...(await logInteractions(db, caller, [raw], () => fieldPrefix(i), true)));
    return results;
  }
  const rows = new Map<string, StoredInteraction>();
  const mine = new Set<string>();
  for (const p of plans) {
    const [row] = written[statements.indexOf(p.insert)] as StoredInteraction[];
    if (!row) continue;
    rows.set(row.id, row);
    mine.add(row.id);
  }
  // An insert that wrote nothing lost a race to a concurrent request with the same id: compare with theirs.
  const lost = plans.filter((p) => !rows.has(p.item.id)).map((p) => p.item);
  if (lost.length)
    for (const [id, row] of (await readMatchState(db, caller.workspaceId, lost)).stored) rows.set(id, row);
  return slots.map((slot) => {
    if ("done" in slot) return slot.done;
    const plan = "plan" in slot ? slot.plan : slot.repeat;
    const row = rows.get(plan.item.id) as StoredInteraction;
    if ("plan" in slot && mine.has(row.id)) return { id: row.id, status: 201, interaction: toInteraction(row) };
    return replay(row, "plan" in slot ? slot.plan.hash : slot.hash);
  });
}
