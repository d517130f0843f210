// Imports contacts: upsert by email (lower-cased, unique per workspace); the customer by its external id.
import { and, eq } from "drizzle-orm";
import type { ImportRow } from "../../../../shared/contract/import";
import { inJson, selectInSlices } from "../../db/bulk";
import { contacts } from "../../db/schema";
import { type ImportContext, resolveCustomers, unknownCustomer } from "./context";
import { keep, newPlan, sameValues, tally, upsertWriter } from "./plan";
import type { Numbered } from "./validate";

type ContactWrite = typeof contacts.$inferInsert;
const COMPARED = ["customerId", "name", "phone", "role"] as const;

export async function planContacts(ctx: ImportContext, rows: Numbered<ImportRow<"contacts">>[]) {
  const plan = newPlan<ContactWrite>({
    ...upsertWriter(
      contacts,
      ctx.workspaceId,
      ["id", "email", ...COMPARED, "updatedAt"],
      ["workspaceId", "email"],
      [...COMPARED, "updatedAt"],
      [...COMPARED],
    ),
    touchesLookup: true,
  });
  const [customerIds, stored] = await Promise.all([
    resolveCustomers(
      ctx,
      rows.map((r) => r.data.customerExternalId),
    ),
    selectInSlices(
      rows.map((r) => r.data.email),
      (keys) =>
        ctx.db
          .select({
            id: contacts.id,
            email: contacts.email,
            customerId: contacts.customerId,
            name: contacts.name,
            phone: contacts.phone,
            role: contacts.role,
          })
          .from(contacts)
          .where(and(eq(contacts.workspaceId, ctx.workspaceId), inJson(contacts.email, keys))),
    ),
  ]);
  const existing = new Map(stored.map((c) => [c.email, c]));
  for (const { row, data } of rows) {
    const customerId = customerIds.get(data.customerExternalId);
    if (!customerId) {
      plan.errors.push(unknownCustomer(ctx, row, data.customerExternalId));
      continue;
    }
    const old = existing.get(data.email);
    const write: ContactWrite = {
      id: old?.id ?? crypto.randomUUID(),
      workspaceId: ctx.workspaceId,
      customerId,
      name: data.name,
      email: data.email,
      phone: keep(data.phone, old?.phone, null),
      role: keep(data.role, old?.role, null),
      updatedAt: ctx.now,
    };
    tally(plan, old !== undefined, old !== undefined && sameValues(old, write, [...COMPARED]), write);
  }
  return plan;
}
