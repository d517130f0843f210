// Imports interactions: the client's id is an idempotency key — the same content again is unchanged,
// other content under a used id is a row error; interactions are never rewritten.
import { and, eq } from "drizzle-orm";
import type { ImportRow } from "../../../../shared/contract/import";
import { chunk, inJson, rowsPerStatement, selectInSlices } from "../../db/bulk";
import { interactions } from "../../db/schema";
import { type ImportContext, resolveCustomers, unknownCustomer } from "./context";
import { chunkFor, newPlan, tally } from "./plan";
import type { Numbered } from "./validate";

type InteractionWrite = typeof interactions.$inferInsert;

export async function planInteractions(ctx: ImportContext, rows: Numbered<ImportRow<"interactions">>[]) {
  const plan = newPlan<InteractionWrite>({
    rowsPerChunk: chunkFor(interactions),
    statements: (db, slice) =>
      chunk(slice, rowsPerStatement(interactions)).map((part) =>
        db.insert(interactions).values(part).onConflictDoNothing(),
      ),
    touchesLookup: false,
  });
  const [customerIds, stored] = await Promise.all([
    resolveCustomers(
      ctx,
      rows.map((r) => r.data.customerExternalId),
    ),
    selectInSlices(
      rows.map((r) => r.data.id),
      (keys) =>
        ctx.db
          .select({
            id: interactions.id,
            customerId: interactions.customerId,
            kind: interactions.kind,
            direction: interactions.direction,
            occurredAt: interactions.occurredAt,
            summary: interactions.summary,
          })
          .from(interactions)
          .where(and(eq(interactions.workspaceId, ctx.workspaceId), inJson(interactions.id, keys))),
    ),
  ]);
  const existing = new Map(stored.map((i) => [i.id, i]));
  for (const { row, data } of rows) {
    const customerId = customerIds.get(data.customerExternalId);
    if (!customerId) {
      plan.errors.push(unknownCustomer(ctx, row, data.customerExternalId));
      continue;
    }
    const old = existing.get(data.id);
    if (old) {
      const same =
        old.customerId === customerId &&
        old.kind === data.kind &&
        old.summary === data.summary &&
        Date.parse(old.occurredAt) === Date.parse(data.occurredAt) &&
        (data.direction === undefined || old.direction === data.direction);
      if (same) plan.unchanged++;
      else {
        plan.errors.push({
          row,
          field: ctx.fieldName(["id"]),
          message: "This id is already used by a different interaction; ids are idempotency keys and never reused.",
        });
      }
      continue;
    }
    const write: InteractionWrite = {
      workspaceId: ctx.workspaceId,
      id: data.id,
      customerId,
      kind: data.kind,
      direction: data.direction ?? null,
      occurredAt: data.occurredAt,
      summary: data.summary,
    };
    tally(plan, false, false, write);
  }
  return plan;
}
