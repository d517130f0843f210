// Undoing a logged interaction, and taking the undo back: a soft delete (the row stays, so a replay of its id from the
// extension's outbox answers with it instead of logging it again), with the customer's grade recomputed at once from
// the touches that remain, in one write batch with the audit entry.
import { and, eq, isNull, ne, or } from "drizzle-orm";
import { MAX_AHEAD_MS } from "../../../shared/contract";
import { timestampMs } from "../../../shared/dates";
import { gradeFromTouches } from "../../../shared/grade";
import { runBatch, type Statement } from "../db/batch";
import { customers, grades, interactions } from "../db/schema";
import type { Caller, Db } from "../env";
import { loadActiveConfig } from "../jobs/active-config";
import { forbidden, notFound } from "../lib/errors";
import { auditStatement } from "./audit";
import { bumpDataVersion } from "./data-version";
import { gradeUpdate, refreshable } from "./interaction-grades";
import type { StoredInteraction } from "./interaction-match";
import { canSeeOwner } from "./visibility";

/**
 * Marks interaction `id` removed (`removed`) or back (`!removed`) for `caller`; answers the stored row. Repeating
 * either is a no-op that answers the same row. 404 for an id not in the caller's workspace or on a customer they may
 * not see; 403 for a rep undoing a colleague's interaction (managers and admins may undo any).
 */
export async function setInteractionRemoved(
  db: Db,
  caller: Caller,
  id: string,
  removed: boolean,
): Promise<StoredInteraction> {
  const ws = caller.workspaceId;
  const [found] = await db
    .select({ row: interactions, ownerId: customers.ownerId })
    .from(interactions)
    .innerJoin(
      customers,
      and(eq(customers.workspaceId, interactions.workspaceId), eq(customers.id, interactions.customerId)),
    )
    .where(and(eq(interactions.workspaceId, ws), eq(interactions.id, id)));
  if (!found || !canSeeOwner(caller, found.ownerId)) throw notFound("interaction");
  const { row } = found;
  if (caller.role === "rep" && row.userId !== caller.userId)
    throw forbidden("Only the person who logged it, a manager or an admin can undo it.");
  if ((row.deletedAt !== null) === removed) return row;

  const deletedAt = removed ? new Date().toISOString() : null;
  const update = db
    .update(interactions)
    .set({ deletedAt })
    .where(
      and(
        eq(interactions.workspaceId, ws),
        eq(interactions.id, id),
        removed ? isNull(interactions.deletedAt) : eq(interactions.deletedAt, row.deletedAt as string),
      ),
    )
    .returning();
  const statements: Statement[] = [
    update,
    ...(await gradeStatements(db, ws, row, removed)),
    auditStatement(
      db,
      caller,
      removed ? "interaction.delete" : "interaction.restore",
      { type: "interaction", id },
      {
        customerId: row.customerId,
        kind: row.kind,
        occurredAt: row.occurredAt,
      },
    ),
    bumpDataVersion(db, ws),
  ];
  const [written] = (await runBatch(db, statements)) as [StoredInteraction[]];
  // Nothing written: a concurrent request made the same change first. Its row is the answer.
  return written[0] ?? { ...row, deletedAt };
}

/** The customer's grade with its contact state recomputed from its touches once the change is made (none if ungraded). */
async function gradeStatements(db: Db, ws: string, row: StoredInteraction, removed: boolean): Promise<Statement[]> {
  const [[stored], touches, { config }] = await Promise.all([
    db
      .select({ result: grades.result })
      .from(grades)
      .where(and(eq(grades.workspaceId, ws), eq(grades.customerId, row.customerId))),
    db
      .select({ occurredAt: interactions.occurredAt, kind: interactions.kind, direction: interactions.direction })
      .from(interactions)
      .where(
        and(
          eq(interactions.workspaceId, ws),
          eq(interactions.customerId, row.customerId),
          removed
            ? and(isNull(interactions.deletedAt), ne(interactions.id, row.id))
            : or(isNull(interactions.deletedAt), eq(interactions.id, row.id)),
        ),
      ),
    loadActiveConfig(db, ws),
  ]);
  if (!stored || !refreshable(stored.result)) return [];
  // As when logging: a touch dated up to a day ahead counts at once, none further ahead (an import may hold one).
  const until = Date.now() + MAX_AHEAD_MS;
  try {
    const counted = touches.filter((t) => timestampMs(t.occurredAt) <= until);
    return [gradeUpdate(db, ws, row.customerId, gradeFromTouches(stored.result, counted, config))];
  } catch {
    return []; // a stored grade or a touch the refresh cannot read: the change goes on, the regrade rewrites it
  }
}
