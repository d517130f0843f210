// Imports customers: upsert by externalId, owner by user email, and (when given) the exact set of domains.
import { eq } from "drizzle-orm";
import type { ImportRow } from "../../../../shared/contract/import";
import { jsonLayout, jsonUpsert } from "../../db/json-rows";
import { customers, users } from "../../db/schema";
import type { Db } from "../../env";
import type { ImportContext } from "./context";
import { claimDomains, domainStatements, loadDomains, sameDomains } from "./customer-domains";
import { loadCustomers } from "./customer-rows";
import { keep, newPlan, type PlanWriter, sameValues, tally } from "./plan";
import type { Numbered } from "./validate";

type CustomerWrite = typeof customers.$inferInsert & { id: string };
/** A customer to write and, when its domains change, the new set (replacing the old). */
export interface CustomerUnit {
  customer: CustomerWrite;
  domains?: string[];
}
const COMPARED = [
  "name",
  "kind",
  "nature",
  "lifecycleStage",
  "industry",
  "region",
  "ownerId",
  "legalVerified",
  "creditLimit",
  "wallet",
  "ratings",
  "attributes",
] as const;

/** A unit travels as its customer's columns (`id` first) followed by its new domains or null. */
function customerWriter(workspaceId: string): PlanWriter<CustomerUnit> {
  const layout = jsonLayout(customers, ["id", "externalId", ...COMPARED, "updatedAt"]);
  const target: ("workspaceId" | "externalId")[] = ["workspaceId", "externalId"];
  return {
    encode: (u) => [...layout.encode(u.customer), u.domains ?? null],
    statements: (db, json) => [
      jsonUpsert(db, layout, { workspaceId }, json, target, [...COMPARED, "updatedAt"], [...COMPARED]),
      ...domainStatements(db, workspaceId, json, layout.keys.length),
    ],
  };
}

export async function planCustomers(ctx: ImportContext, rows: Numbered<ImportRow<"customers">>[]) {
  const plan = newPlan<CustomerUnit>({ ...customerWriter(ctx.workspaceId), touchesLookup: true });
  const stored = await loadCustomers(
    ctx,
    rows.map((r) => r.data.externalId),
  );
  const [storedDomains, claimed, owners] = await Promise.all([
    loadDomains(
      ctx,
      [...stored.values()].map((c) => c.id),
    ),
    claimDomains(
      ctx,
      rows.flatMap((r) => r.data.domains ?? []),
    ),
    rows.some((r) => r.data.ownerEmail) ? loadOwners(ctx.db, ctx.workspaceId) : new Map<string, string>(),
  ]);
  const domainRow = new Map<string, number>();
  for (const { row, data } of rows) {
    const old = stored.get(data.externalId);
    const id = old?.id ?? crypto.randomUUID();
    const errors: string[][] = [];
    let ownerId = old?.ownerId ?? null;
    if (data.ownerEmail !== undefined) {
      ownerId = data.ownerEmail === null ? null : (owners.get(data.ownerEmail) ?? null);
      if (data.ownerEmail && !ownerId) errors.push(["ownerEmail", `No user ${data.ownerEmail} in this workspace.`]);
    }
    const domains = data.domains ? [...new Set(data.domains)].sort() : undefined;
    for (const domain of domains ?? []) {
      const owner = claimed.get(domain);
      const earlier = domainRow.get(domain);
      if (owner && owner.customerId !== id) {
        errors.push(["domains", `${domain} belongs to customer "${owner.externalId}"; remove it there first.`]);
      } else if (earlier !== undefined) errors.push(["domains", `${domain} is also given in row ${earlier}.`]);
    }
    if (errors.length) {
      for (const [field = "", message = ""] of errors)
        plan.errors.push({ row, field: ctx.fieldName([field]), message });
      continue;
    }
    for (const domain of domains ?? []) domainRow.set(domain, row);
    const write: CustomerWrite = {
      id,
      workspaceId: ctx.workspaceId,
      externalId: data.externalId,
      name: data.name,
      kind: keep(data.kind, old?.kind, "enterprise"),
      nature: keep(data.nature, old?.nature, "other"),
      lifecycleStage: keep(data.lifecycleStage, old?.lifecycleStage, "prospect"),
      industry: keep(data.industry, old?.industry, null),
      region: keep(data.region, old?.region, null),
      ownerId,
      legalVerified: keep(data.legalVerified, old?.legalVerified, false),
      creditLimit: keep(data.creditLimit, old?.creditLimit, null),
      wallet: keep(data.wallet, old?.wallet, null),
      ratings: keep(data.ratings, old?.ratings, {}),
      attributes: keep(data.attributes, old?.attributes, {}),
      updatedAt: ctx.now,
    };
    const domainsChanged = domains !== undefined && !sameDomains(domains, storedDomains.get(id));
    const same = old !== undefined && !domainsChanged && sameValues(old, write, [...COMPARED]);
    tally(plan, old !== undefined, same, { customer: write, ...(domainsChanged ? { domains } : {}) });
  }
  return plan;
}

/** User ids by lower-cased email, for assigning owners. */
async function loadOwners(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.workspaceId, workspaceId));
  return new Map(rows.map((u) => [u.email.toLowerCase(), u.id]));
}
