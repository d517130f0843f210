// One page of a workspace's records in one query: each customer row carries its orders, invoices, interactions,
// contacts and opportunities as JSON arrays (json_group_array over indexed subqueries), decoded into engine records.
import { type SQL, sql } from "drizzle-orm";
import type {
  ContactRecord,
  CustomerRecord,
  InteractionRecord,
  InvoiceRecord,
  OpportunityRecord,
  OrderRecord,
} from "../../../shared/records";

const CUSTOMER = `c.id, c.name, c.kind, c.nature, c.industry, c.region, c.owner_id, c.lifecycle_stage, c.legal_verified,
  c.credit_limit, c.wallet, c.service_cost, c.ratings, c.attributes`;

/** Per table: the columns sent per record, in the order `decodeInto` reads them. */
export const CHILD_COLUMNS = {
  orders: "date, amount, cost, product, quantity",
  invoices: "due_date, amount, paid_date, paid_amount",
  interactions: "id, kind, direction, occurred_at, contact_id",
  contacts: "id, name, email, role",
  opportunities: "id, name, stage, amount, expected_close, probability_pct, stage_changed_at",
} as const;
export type ChildTable = keyof typeof CHILD_COLUMNS;
export const CHILD_TABLES = Object.keys(CHILD_COLUMNS) as ChildTable[];

/** Per table, what else a row must meet to count: an undone (removed) interaction counts nowhere. */
const LIVE: Partial<Record<ChildTable, string>> = { interactions: "deleted_at IS NULL" };
const live = (table: ChildTable, alias = "") => (LIVE[table] ? ` AND ${alias}${LIVE[table]}` : "");

const childJson = (table: ChildTable) =>
  `(SELECT json_group_array(json_array(${CHILD_COLUMNS[table]})) FROM ${table} AS t
    WHERE t.workspace_id = c.workspace_id AND t.customer_id = c.id${live(table, "t.")})`;

const PAGE_COLUMNS = sql.raw(`${CUSTOMER},\n  ${CHILD_TABLES.map(childJson).join(",\n  ")}`);

/** Up to `limit` customers after id `after` ('' first) with their records, in id order. */
export const pageSql = (workspaceId: string, after: string, limit: number): SQL =>
  sql`SELECT ${PAGE_COLUMNS} FROM customers AS c WHERE c.workspace_id = ${workspaceId} AND c.id > ${after} ORDER BY c.id LIMIT ${limit}`;

/** The same customers without their records (the fallback for a customer too big for one JSON value). */
export const customersSql = (workspaceId: string, after: string, limit: number): SQL =>
  sql`SELECT ${sql.raw(CUSTOMER)} FROM customers AS c WHERE c.workspace_id = ${workspaceId} AND c.id > ${after} ORDER BY c.id LIMIT ${limit}`;

/** One customer's records of `table` as plain rows. */
export const childSql = (table: ChildTable, workspaceId: string, customerId: string): SQL =>
  sql`SELECT ${sql.raw(CHILD_COLUMNS[table])} FROM ${sql.raw(table)} WHERE workspace_id = ${workspaceId} AND customer_id = ${customerId}${sql.raw(live(table))}`;

export interface RecordLists {
  customers: CustomerRecord[];
  contacts: ContactRecord[];
  orders: OrderRecord[];
  invoices: InvoiceRecord[];
  interactions: InteractionRecord[];
  opportunities: OpportunityRecord[];
}

type Cells = unknown[];
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const jsonObject = <T>(v: unknown, fallback: T): T => (typeof v === "string" ? (JSON.parse(v) as T) : fallback);

/** The customer of a row's first 14 cells. */
export function decodeCustomer(r: Cells): CustomerRecord {
  return {
    id: r[0] as string,
    name: r[1] as string,
    kind: r[2] as CustomerRecord["kind"],
    nature: r[3] as CustomerRecord["nature"],
    industry: text(r[4]),
    region: text(r[5]),
    ownerId: text(r[6]),
    lifecycleStage: r[7] as CustomerRecord["lifecycleStage"],
    legalVerified: Boolean(r[8]),
    creditLimit: num(r[9]),
    wallet: num(r[10]),
    serviceCost: num(r[11]),
    ratings: jsonObject(r[12], {}),
    attributes: jsonObject(r[13], {}),
  };
}

/**
 * Appends one customer's child records (arrays of cells in CHILD_COLUMNS order) to `out`. Dates, products and
 * kinds go through `share`, so a big workspace keeps one copy of each repeated string.
 */
export function decodeInto(
  out: RecordLists,
  customerId: string,
  children: Record<ChildTable, Cells[]>,
  share: <T extends string | null>(s: T) => T,
) {
  for (const o of children.orders) {
    out.orders.push({
      customerId,
      date: share(o[0] as string),
      amount: o[1] as number,
      cost: o[2] as number,
      product: share(text(o[3])),
      quantity: num(o[4]),
    });
  }
  for (const i of children.invoices) {
    out.invoices.push({
      customerId,
      dueDate: share(i[0] as string),
      amount: i[1] as number,
      paidDate: share(text(i[2])),
      paidAmount: num(i[3]),
    });
  }
  for (const x of children.interactions) {
    out.interactions.push({
      id: x[0] as string,
      customerId,
      kind: share(x[1] as InteractionRecord["kind"]),
      direction: share(text(x[2])) as InteractionRecord["direction"],
      occurredAt: x[3] as string,
      contactId: text(x[4]),
    });
  }
  for (const k of children.contacts) {
    out.contacts.push({
      id: k[0] as string,
      customerId,
      name: k[1] as string,
      email: text(k[2]),
      role: text(k[3]) as ContactRecord["role"],
    });
  }
  for (const p of children.opportunities) {
    out.opportunities.push({
      id: p[0] as string,
      customerId,
      name: p[1] as string,
      stage: p[2] as OpportunityRecord["stage"],
      amount: p[3] as number,
      expectedClose: text(p[4]),
      probability: num(p[5]),
      stageChangedAt: p[6] as string,
    });
  }
}
