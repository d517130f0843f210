// What every record type's import needs: the database, the workspace, how to name fields, and the clock.
import { and, eq } from "drizzle-orm";
import type { ImportError } from "../../../../shared/contract/import";
import { inJson, selectInSlices } from "../../db/bulk";
import { customers } from "../../db/schema";
import type { Db } from "../../env";

export interface ImportContext {
  db: Db;
  workspaceId: string;
  /** Names a field in the words of the body (CSV column or JSON field). */
  fieldName: (path: readonly PropertyKey[]) => string | null;
  /** ISO timestamp of this import, for updated_at and stage changes. */
  now: string;
}

/** Customer ids by external id, for the external ids that exist in this workspace (one query per 5,000). */
export async function resolveCustomers(
  ctx: ImportContext,
  externalIds: Iterable<string>,
): Promise<Map<string, string>> {
  const rows = await selectInSlices(externalIds, (keys) =>
    ctx.db
      .select({ id: customers.id, externalId: customers.externalId })
      .from(customers)
      .where(and(eq(customers.workspaceId, ctx.workspaceId), inJson(customers.externalId, keys))),
  );
  return new Map(rows.map((r) => [r.externalId ?? "", r.id]));
}

export function unknownCustomer(ctx: ImportContext, row: number, externalId: string): ImportError {
  return {
    row,
    field: ctx.fieldName(["customerExternalId"]),
    message: `No customer with external id "${externalId}" in this workspace: import it first.`,
  };
}
