// Imports invoices: upsert by externalId; the customer by its external id, the order (when named) must be its.
import { and, eq } from "drizzle-orm";
import type { ImportRow } from "../../../../shared/contract/import";
import { inJson, selectInSlices } from "../../db/bulk";
import { invoices, orders } from "../../db/schema";
import { type ImportContext, resolveCustomers, unknownCustomer } from "./context";
import { keep, newPlan, sameValues, tally, upsertWriter } from "./plan";
import type { Numbered } from "./validate";

type InvoiceWrite = typeof invoices.$inferInsert;
const UPDATED = ["customerId", "orderExternalId", "dueDate", "amount", "paidDate", "paidAmount"] as const;

export async function planInvoices(ctx: ImportContext, rows: Numbered<ImportRow<"invoices">>[]) {
  const plan = newPlan<InvoiceWrite>({
    ...upsertWriter(invoices, ctx.workspaceId, ["externalId", ...UPDATED], ["workspaceId", "externalId"], [...UPDATED]),
    touchesLookup: false,
  });
  const ws = ctx.workspaceId;
  const orderIds = rows.flatMap((r) => (r.data.orderExternalId ? [r.data.orderExternalId] : []));
  const [customerIds, stored, orderRows] = await Promise.all([
    resolveCustomers(
      ctx,
      rows.map((r) => r.data.customerExternalId),
    ),
    selectInSlices(
      rows.map((r) => r.data.externalId),
      (keys) =>
        ctx.db
          .select({
            externalId: invoices.externalId,
            customerId: invoices.customerId,
            orderExternalId: invoices.orderExternalId,
            dueDate: invoices.dueDate,
            amount: invoices.amount,
            paidDate: invoices.paidDate,
            paidAmount: invoices.paidAmount,
          })
          .from(invoices)
          .where(and(eq(invoices.workspaceId, ws), inJson(invoices.externalId, keys))),
    ),
    selectInSlices(orderIds, (keys) =>
      ctx.db
        .select({ externalId: orders.externalId, customerId: orders.customerId })
        .from(orders)
        .where(and(eq(orders.workspaceId, ws), inJson(orders.externalId, keys))),
    ),
  ]);
  const existing = new Map(stored.map((i) => [i.externalId, i]));
  const orderCustomer = new Map(orderRows.map((o) => [o.externalId, o.customerId]));
  for (const { row, data } of rows) {
    const customerId = customerIds.get(data.customerExternalId);
    if (!customerId) {
      plan.errors.push(unknownCustomer(ctx, row, data.customerExternalId));
      continue;
    }
    if (data.orderExternalId) {
      const owner = orderCustomer.get(data.orderExternalId);
      const problem =
        owner === undefined
          ? `No order with external id "${data.orderExternalId}" in this workspace: import orders first.`
          : owner !== customerId
            ? `Order "${data.orderExternalId}" belongs to another customer.`
            : null;
      if (problem) {
        plan.errors.push({ row, field: ctx.fieldName(["orderExternalId"]), message: problem });
        continue;
      }
    }
    const old = existing.get(data.externalId);
    const write: InvoiceWrite = {
      workspaceId: ws,
      externalId: data.externalId,
      customerId,
      orderExternalId: keep(data.orderExternalId, old?.orderExternalId, null),
      dueDate: data.dueDate,
      amount: data.amount,
      paidDate: keep(data.paidDate, old?.paidDate, null),
      paidAmount: keep(data.paidAmount, old?.paidAmount, null),
    };
    tally(plan, old !== undefined, old !== undefined && sameValues(old, write, [...UPDATED]), write);
  }
  return plan;
}
