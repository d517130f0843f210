// Logs an interaction typed into the customer page (audited; bumps nothing the lookup ETag depends on).
// TODO(#4): call the API-core interactions service once it lands, so the idempotency rules live in one place.
import { interactions } from "../../db/schema";
import type { Caller, Db } from "../../env";
import { auditStatement } from "../../services/audit";

export interface NewInteraction {
  customerId: string;
  kind: (typeof interactions.$inferInsert)["kind"];
  occurredAt: string;
  summary: string;
}

export async function logInteraction(db: Db, caller: Caller, input: NewInteraction): Promise<string> {
  const id = crypto.randomUUID();
  await db.batch([
    db.insert(interactions).values({ id, workspaceId: caller.workspaceId, userId: caller.userId, ...input }),
    auditStatement(
      db,
      caller,
      "interaction.create",
      { type: "customer", id: input.customerId },
      { id, kind: input.kind },
    ),
  ]);
  return id;
}
