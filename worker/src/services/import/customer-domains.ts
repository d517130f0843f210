// A customer's email domains on import: who holds a domain now, and replacing a customer's set in bulk.
import { and, eq, sql } from "drizzle-orm";
import type { Statement } from "../../db/batch";
import { inJson, selectInSlices } from "../../db/bulk";
import { rawStatement } from "../../db/json-rows";
import { customerDomains, customers } from "../../db/schema";
import type { Db } from "../../env";
import type { ImportContext } from "./context";

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

/**
 * For the units of a JSON chunk (customer id at `$[0]`, new domains or null at `$[at]`): deletes the old set of
 * every unit whose domains changed and inserts the new one.
 */
export function domainStatements(db: Db, workspaceId: string, json: string, at: number): Statement[] {
  const changed = sql.raw(`json_type(j.value, '$[${at}]') = 'array'`);
  return [
    rawStatement(
      db,
      sql`DELETE FROM ${customerDomains} WHERE ${customerDomains.workspaceId} = ${workspaceId} AND ${customerDomains.customerId} IN (SELECT j.value->>'$[0]' FROM json_each(${json}) AS j WHERE ${changed})`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO ${customerDomains} (workspace_id, domain, customer_id) SELECT ${workspaceId}, d.value, j.value->>'$[0]' FROM json_each(${json}) AS j, json_each(j.value, ${`$[${at}]`}) AS d WHERE ${changed}`,
    ),
  ];
}
