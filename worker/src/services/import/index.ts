// Runs one import: validate every row, plan it against the stored rows, write the valid ones in atomic chunks.
import { eq, sql } from "drizzle-orm";
import type { ImportResult, ImportRow, ImportType } from "../../../../shared/contract/import";
import { workspaces } from "../../db/schema";
import type { Caller, Db } from "../../env";
import { auditStatement } from "../audit";
import type { RawRows } from "./body";
import { planContacts } from "./contacts";
import type { ImportContext } from "./context";
import { planCustomers } from "./customers";
import { planInteractions } from "./interactions";
import { planInvoices } from "./invoices";
import { planOpportunities } from "./opportunities";
import { planOrders } from "./orders";
import { type ImportPlan, writePlan } from "./plan";
import { byRow, type Numbered, validateRows } from "./validate";

export { importFormat, parseImportBody } from "./body";

/**
 * Imports `raw` rows of `type` into the caller's workspace. Invalid rows are reported and not written;
 * with `dryRun` nothing is written at all. Rows upsert by external id (contacts by email); a row equal to
 * the stored one counts as unchanged and is not rewritten.
 */
export async function runImport(
  db: Db,
  caller: Caller,
  type: ImportType,
  raw: RawRows,
  options: { dryRun: boolean },
): Promise<ImportResult> {
  const { valid, errors } = validateRows(type, raw);
  const ctx: ImportContext = {
    db,
    workspaceId: caller.workspaceId,
    fieldName: raw.fieldName,
    now: new Date().toISOString(),
  };
  const plan = await planFor(type, ctx, valid);
  const result: ImportResult = {
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    errors: [...errors, ...plan.errors].sort(byRow),
  };
  if (options.dryRun) return result;
  // Lookup answers (contacts, domains, names) are cached by data_version: every chunk that changes them bumps it.
  const bump = (d: Db) =>
    plan.touchesLookup
      ? [
          d
            .update(workspaces)
            .set({ dataVersion: sql`${workspaces.dataVersion} + 1` })
            .where(eq(workspaces.id, caller.workspaceId)),
        ]
      : [];
  await writePlan(db, plan, bump);
  await auditStatement(
    db,
    caller,
    "import",
    { type: "import", id: type },
    {
      type,
      format: raw.format,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      errors: result.errors.length,
    },
  );
  return result;
}

function planFor(type: ImportType, ctx: ImportContext, valid: Numbered<unknown>[]): Promise<ImportPlan<unknown>> {
  const rows = <T extends ImportType>() => valid as Numbered<ImportRow<T>>[];
  const plans = {
    customers: () => planCustomers(ctx, rows<"customers">()),
    contacts: () => planContacts(ctx, rows<"contacts">()),
    orders: () => planOrders(ctx, rows<"orders">()),
    invoices: () => planInvoices(ctx, rows<"invoices">()),
    opportunities: () => planOpportunities(ctx, rows<"opportunities">()),
    interactions: () => planInteractions(ctx, rows<"interactions">()),
  };
  return plans[type]() as unknown as Promise<ImportPlan<unknown>>;
}
