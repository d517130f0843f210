// Imports opportunities: upsert by externalId; a new stage restarts the stage clock (stale after 14 days).
import { and, eq } from "drizzle-orm";
import type { ImportRow } from "../../../../shared/contract/import";
import { inJson, selectInSlices } from "../../db/bulk";
import { opportunities } from "../../db/schema";
import { type ImportContext, resolveCustomers, unknownCustomer } from "./context";
import { keep, newPlan, sameValues, tally, upsertWriter } from "./plan";
import type { Numbered } from "./validate";

type OpportunityWrite = typeof opportunities.$inferInsert;
const COMPARED = ["customerId", "name", "stage", "amount", "expectedClose", "probability", "stageChangedAt"] as const;

export async function planOpportunities(ctx: ImportContext, rows: Numbered<ImportRow<"opportunities">>[]) {
  const plan = newPlan<OpportunityWrite>({
    ...upsertWriter(
      opportunities,
      ctx.workspaceId,
      ["id", "externalId", "ownerId", ...COMPARED, "updatedAt"],
      ["workspaceId", "externalId"],
      [...COMPARED, "updatedAt"],
      [...COMPARED],
    ),
    touchesLookup: false,
  });
  const [customerIds, stored] = await Promise.all([
    resolveCustomers(
      ctx,
      rows.map((r) => r.data.customerExternalId),
    ),
    selectInSlices(
      rows.map((r) => r.data.externalId),
      (keys) =>
        ctx.db
          .select({
            id: opportunities.id,
            externalId: opportunities.externalId,
            customerId: opportunities.customerId,
            ownerId: opportunities.ownerId,
            name: opportunities.name,
            stage: opportunities.stage,
            amount: opportunities.amount,
            expectedClose: opportunities.expectedClose,
            probability: opportunities.probability,
            stageChangedAt: opportunities.stageChangedAt,
          })
          .from(opportunities)
          .where(and(eq(opportunities.workspaceId, ctx.workspaceId), inJson(opportunities.externalId, keys))),
    ),
  ]);
  const existing = new Map(stored.map((o) => [o.externalId, o]));
  for (const { row, data } of rows) {
    const customerId = customerIds.get(data.customerExternalId);
    if (!customerId) {
      plan.errors.push(unknownCustomer(ctx, row, data.customerExternalId));
      continue;
    }
    const old = existing.get(data.externalId);
    const stageClock = old && old.stage === data.stage ? old.stageChangedAt : ctx.now;
    const write: OpportunityWrite = {
      id: old?.id ?? crypto.randomUUID(),
      workspaceId: ctx.workspaceId,
      externalId: data.externalId,
      customerId,
      ownerId: old?.ownerId ?? null,
      name: data.name,
      stage: data.stage,
      amount: data.amount,
      expectedClose: data.expectedClose,
      probability: keep(data.probability, old?.probability, null),
      stageChangedAt: data.stageChangedAt ?? stageClock,
      updatedAt: ctx.now,
    };
    tally(plan, old !== undefined, old !== undefined && sameValues(old, write, [...COMPARED]), write);
  }
  return plan;
}
