// Builds the CSV exports: customers (the import's columns, so an edited file imports back) and current grades,
// limited to the customers the caller may see; text cells guarded against spreadsheet formula injection.
import { asc, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import {
  CUSTOMER_EXPORT_COLUMNS,
  GRADE_EXPORT_COLUMNS,
  minorToDecimal,
  safeCell,
} from "../../../shared/contract/export";
import { customerDomains, customers, grades, users } from "../db/schema";
import type { Caller, Db } from "../env";
import { visibleCustomers } from "./visibility";

type Cell = string | number | boolean | null;

/** A text cell made safe; numbers and booleans stay as they are; null is empty. */
const text = (value: string | null) => (value === null ? "" : safeCell(value));
const money = (minor: number | null) => (minor === null ? "" : minorToDecimal(minor));
const json = (value: unknown) => safeCell(JSON.stringify(value ?? {}));

/** UTF-8 with a BOM, so spreadsheet programs read Chinese names correctly; the import strips it. */
const toCsv = (fields: readonly string[], data: Cell[][]) => `\uFEFF${Papa.unparse({ fields: [...fields], data })}`;

export async function exportCustomersCsv(db: Db, caller: Caller): Promise<string> {
  const rows = await db
    .select({
      externalId: customers.externalId,
      name: customers.name,
      kind: customers.kind,
      nature: customers.nature,
      lifecycleStage: customers.lifecycleStage,
      industry: customers.industry,
      region: customers.region,
      ownerEmail: users.email,
      domains: sql<
        string | null
      >`(select group_concat(${customerDomains.domain}, ';') from ${customerDomains} where ${customerDomains.workspaceId} = ${customers.workspaceId} and ${customerDomains.customerId} = ${customers.id})`,
      legalVerified: customers.legalVerified,
      creditLimit: customers.creditLimit,
      wallet: customers.wallet,
      ratings: customers.ratings,
      attributes: customers.attributes,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(visibleCustomers(caller))
    .orderBy(asc(customers.externalId), asc(customers.name));
  const data = rows.map((c) => [
    text(c.externalId),
    text(c.name),
    c.kind,
    c.nature,
    c.lifecycleStage,
    text(c.industry),
    text(c.region),
    text(c.ownerEmail),
    text(c.domains ? c.domains.split(";").sort().join(";") : null),
    c.legalVerified,
    money(c.creditLimit),
    money(c.wallet),
    json(c.ratings),
    json(c.attributes),
  ]);
  return toCsv(CUSTOMER_EXPORT_COLUMNS, data);
}

export async function exportGradesCsv(db: Db, caller: Caller): Promise<string> {
  const rows = await db
    .select({
      customerId: customers.id,
      externalId: customers.externalId,
      name: customers.name,
      ownerEmail: users.email,
      tier: grades.tier,
      score: grades.score,
      keyAccount: grades.keyAccount,
      negativeValue: grades.negativeValue,
      incomplete: grades.incomplete,
      credit: grades.credit,
      overdueAmount: grades.overdueAmount,
      churn: grades.churn,
      abc: grades.abc,
      pyramid: grades.pyramid,
      rfmSegment: grades.rfmSegment,
      valueClass: grades.valueClass,
      asOf: grades.asOf,
      configVersion: grades.configVersion,
    })
    .from(grades)
    .innerJoin(customers, eq(customers.id, grades.customerId))
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(visibleCustomers(caller))
    .orderBy(asc(grades.tier), sql`${grades.score} desc`, asc(customers.name));
  const data = rows.map((g) => [
    g.customerId,
    text(g.externalId),
    text(g.name),
    text(g.ownerEmail),
    g.tier,
    minorToDecimal(g.score),
    g.keyAccount,
    g.negativeValue,
    g.incomplete,
    g.credit,
    money(g.overdueAmount),
    g.churn,
    g.abc,
    g.pyramid,
    g.rfmSegment ?? "",
    g.valueClass,
    g.asOf,
    g.configVersion,
  ]);
  return toCsv(GRADE_EXPORT_COLUMNS, data);
}
