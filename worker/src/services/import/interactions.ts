// Imports interactions: the client's id is an idempotency key — the same content again is unchanged,
// other content under a used id is a row error; interactions are never rewritten. A `contactEmail` naming a
// contact of the same customer links the interaction to that contact.
import { and, eq } from "drizzle-orm";
import type { ImportRow } from "../../../../shared/contract/import";
import { AHEAD_MESSAGE, tooFarAhead } from "../../../../shared/contract/interactions";
import { inJson, selectInSlices } from "../../db/bulk";
import { jsonInsert, jsonLayout } from "../../db/json-rows";
import { contacts, interactions } from "../../db/schema";
import { type ImportContext, resolveCustomers, unknownCustomer } from "./context";
import { newPlan, tally } from "./plan";
import type { Numbered } from "./validate";

type InteractionWrite = typeof interactions.$inferInsert;
const KEYS = ["id", "customerId", "contactId", "kind", "direction", "occurredAt", "summary"] as const;

/** Contact id and customer id by lower-cased address, for the addresses given. */
async function contactsByEmail(ctx: ImportContext, emails: string[]) {
  const rows = await selectInSlices(emails, (keys) =>
    ctx.db
      .select({ id: contacts.id, email: contacts.email, customerId: contacts.customerId })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), inJson(contacts.email, keys))),
  );
  return new Map(rows.map((c) => [c.email ?? "", c]));
}

export async function planInteractions(ctx: ImportContext, rows: Numbered<ImportRow<"interactions">>[]) {
  const layout = jsonLayout(interactions, [...KEYS]);
  const plan = newPlan<InteractionWrite>({
    encode: (row) => layout.encode(row),
    statements: (db, json) => [jsonInsert(db, layout, { workspaceId: ctx.workspaceId }, json, true)],
    touchesLookup: false,
  });
  const [customerIds, stored, byEmail] = await Promise.all([
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
    contactsByEmail(
      ctx,
      rows.flatMap((r) => (r.data.contactEmail ? [r.data.contactEmail] : [])),
    ),
  ]);
  const existing = new Map(stored.map((i) => [i.id, i]));
  const nowMs = Date.parse(ctx.now);
  for (const { row, data } of rows) {
    if (tooFarAhead(data.occurredAt, nowMs)) {
      plan.errors.push({ row, field: ctx.fieldName(["occurredAt"]), message: AHEAD_MESSAGE });
      continue;
    }
    const customerId = customerIds.get(data.customerExternalId);
    if (!customerId) {
      plan.errors.push(unknownCustomer(ctx, row, data.customerExternalId));
      continue;
    }
    const contact = data.contactEmail ? byEmail.get(data.contactEmail) : undefined;
    if (data.contactEmail && contact?.customerId !== customerId) {
      plan.errors.push({
        row,
        field: ctx.fieldName(["contactEmail"]),
        message: `No contact ${data.contactEmail} of customer "${data.customerExternalId}": import the contact first.`,
      });
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
      contactId: contact?.id ?? null,
      kind: data.kind,
      direction: data.direction ?? null,
      occurredAt: data.occurredAt,
      summary: data.summary,
    };
    tally(plan, false, false, write);
  }
  return plan;
}
