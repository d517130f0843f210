// Reads the stored customers an import names, by external id, with every column the import compares.
import { and, eq } from "drizzle-orm";
import { inJson, selectInSlices } from "../../db/bulk";
import { customers } from "../../db/schema";
import type { ImportContext } from "./context";

export async function loadCustomers(ctx: ImportContext, externalIds: string[]) {
  const rows = await selectInSlices(externalIds, (keys) =>
    ctx.db
      .select({
        id: customers.id,
        externalId: customers.externalId,
        name: customers.name,
        kind: customers.kind,
        nature: customers.nature,
        lifecycleStage: customers.lifecycleStage,
        industry: customers.industry,
        region: customers.region,
        ownerId: customers.ownerId,
        legalVerified: customers.legalVerified,
        creditLimit: customers.creditLimit,
        wallet: customers.wallet,
        ratings: customers.ratings,
        attributes: customers.attributes,
      })
      .from(customers)
      .where(and(eq(customers.workspaceId, ctx.workspaceId), inJson(customers.externalId, keys))),
  );
  return new Map(rows.map((c) => [c.externalId ?? "", c]));
}
