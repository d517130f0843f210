// A customer's email domains on import: who holds a domain now, and replacing a customer's set in bulk.
import { and, eq } from "drizzle-orm";
import { chunk, inJson, rowsPerStatement, type Statement, selectInSlices } from "../../db/bulk";
import { customerDomains, customers } from "../../db/schema";
import type { Db } from "../../env";
import type { ImportContext } from "./context";
import type { CustomerUnit } from "./customers";

/** The stored domains of each customer id. */
export async function loadDomains(ctx: ImportContext, customerIds: string[]): Promise<Map<string, string[]>> {
  const rows = await selectInSlices(customerIds, (keys) =>
    ctx.db
      .select({ domain: customerDomains.domain, customerId: customerDomains.customerId })
      .from(customerDomains)
      .where(and(eq(customerDomains.workspaceId, ctx.workspaceId), inJson(customerDomains.customerId, keys))),
  );
  const byCustomer = new Map<string, string[]>();
  for (const r of rows) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r.domain]);
  return byCustomer;
}

/** Which customer (id and external id) holds each of `domains` now. */
export async function claimDomains(ctx: ImportContext, domains: string[]) {
  const rows = await selectInSlices(domains, (keys) =>
    ctx.db
      .select({ domain: customerDomains.domain, customerId: customers.id, externalId: customers.externalId })
      .from(customerDomains)
      .innerJoin(customers, eq(customers.id, customerDomains.customerId))
      .where(and(eq(customerDomains.workspaceId, ctx.workspaceId), inJson(customerDomains.domain, keys))),
  );
  return new Map(rows.map((r) => [r.domain, { customerId: r.customerId, externalId: r.externalId ?? r.customerId }]));
}

export const sameDomains = (incoming: string[], stored: string[] = []) =>
  incoming.length === stored.length && [...stored].sort().every((d, i) => d === incoming[i]);

/** Deletes the old set of every unit whose domains changed and inserts the new one. */
export function domainStatements(db: Db, units: CustomerUnit[]): Statement[] {
  const changed = units.filter((u) => u.domains !== undefined);
  if (!changed.length) return [];
  const workspaceId = changed[0]!.customer.workspaceId;
  const ids = changed.map((u) => u.customer.id);
  const rows = changed.flatMap((u) =>
    (u.domains ?? []).map((domain) => ({ workspaceId, domain, customerId: u.customer.id })),
  );
  return [
    db
      .delete(customerDomains)
      .where(and(eq(customerDomains.workspaceId, workspaceId), inJson(customerDomains.customerId, ids))),
    ...chunk(rows, rowsPerStatement(customerDomains)).map((part) => db.insert(customerDomains).values(part)),
  ];
}
