// Imports orders: upsert by externalId, the customer found by its external id.
import { and, eq } from "drizzle-orm";
import type { ImportRow } from "../../../../shared/contract/import";
import { inJson, selectInSlices } from "../../db/bulk";
import { orders } from "../../db/schema";
import { type ImportContext, resolveCustomers, unknownCustomer } from "./context";
import { keep, newPlan, sameValues, tally, upsertWriter } from "./plan";
import type { Numbered } from "./validate";

type OrderWrite = typeof orders.$inferInsert;
const UPDATED = ["customerId", "date", "amount", "cost", "product", "quantity"] as const;

export async function planOrders(ctx: ImportContext, rows: Numbered<ImportRow<"orders">>[]) {
  const plan = newPlan<OrderWrite>({
    ...upsertWriter(orders, ctx.workspaceId, ["externalId", ...UPDATED], ["workspaceId", "externalId"], [...UPDATED]),
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
            externalId: orders.externalId,
            customerId: orders.customerId,
            date: orders.date,
            amount: orders.amount,
            cost: orders.cost,
            product: orders.product,
            quantity: orders.quantity,
          })
          .from(orders)
          .where(and(eq(orders.workspaceId, ctx.workspaceId), inJson(orders.externalId, keys))),
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
    const write: OrderWrite = {
      workspaceId: ctx.workspaceId,
      externalId: data.externalId,
      customerId,
      date: data.date,
      amount: data.amount,
      cost: keep(data.cost, old?.cost, 0),
      product: keep(data.product, old?.product, null),
      quantity: keep(data.quantity, old?.quantity, null),
    };
    tally(plan, old !== undefined, old !== undefined && sameValues(old, write, [...UPDATED]), write);
  }
  return plan;
}
