// The audit log: every state change made by a person, written with (or beside) the change itself.
import { auditLog } from "../db/schema";
import type { Caller, Db } from "../env";

export type AuditActor = Pick<Caller, "workspaceId" | "userId">;
export interface AuditTarget {
  type: string;
  id: string;
}

/** The insert, unexecuted, to put in the same `db.batch` as the change it records. */
export function auditStatement(
  db: Db,
  actor: AuditActor,
  action: string,
  target: AuditTarget | null,
  details: unknown = null,
) {
  return db.insert(auditLog).values({
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    details: details ?? null,
  });
}

/** Records `action` by `actor` on `target` (e.g. `customer.update`, {type: "customer", id}). */
export async function audit(
  db: Db,
  actor: AuditActor,
  action: string,
  target: AuditTarget | null,
  details: unknown = null,
): Promise<void> {
  await auditStatement(db, actor, action, target, details);
}
