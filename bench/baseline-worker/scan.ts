// The regrade's floor: plain SELECTs of exactly the columns the regrade's loader reads for the engine, timed inside
// the Worker. No regrade that reads its plain input records out of D1 can take less than reading them. Most of it is
// local D1's cost per cell carried to the Worker, not SQLite's reading (the child queries as count/sum: ≈ 0.4 s of
// ≈ 6.5 s at 100k). The app's loader has SQLite pack each customer's records into JSON strings (fewer, bigger cells);
// the same ranges read that way, without the JSON.parse, took ≈ 5 s: a floor for plain rows, not for that loader.
import type { Db } from "./d1";

/**
 * What the loader reads (worker/src/db/records-page.ts: CUSTOMER and CHILD_COLUMNS), copied rather than imported so
 * this worker builds whatever the app's loader becomes. Child rows add `customer_id` first: the loader gets it from
 * the parent row, a flat SELECT has to read it. `sum` is the cell summed so every row is touched (a numeric column,
 * or the length of a text one where the table has no number the engine reads).
 */
const TABLES = {
  customers: {
    columns: `id, name, kind, nature, industry, region, owner_id, lifecycle_stage, legal_verified,
  credit_limit, wallet, service_cost, ratings, attributes`,
    sum: 9,
  },
  contacts: { columns: "customer_id, id, name, email, role", sum: 2 },
  orders: { columns: "customer_id, date, amount, cost, product, quantity", sum: 2 },
  invoices: { columns: "customer_id, due_date, amount, paid_date, paid_amount", sum: 2 },
  interactions: { columns: "customer_id, id, kind, direction, occurred_at, contact_id", sum: 2 },
  opportunities: {
    columns: "customer_id, id, name, stage, amount, expected_close, probability_pct, stage_changed_at",
    sum: 4,
  },
} as const;
type Table = keyof typeof TABLES;
const CHILDREN = ["contacts", "orders", "invoices", "interactions", "opportunities"] as const;

/** Customers per page, as the loader's CUSTOMERS_PER_PAGE; their records are read per table over the same id range. */
export const SCAN_PAGE = 2_500;

export interface Scan {
  tookMs: number;
  rows: Record<Table, number>;
  perTableMs: Record<Table, number>;
  /** Per table, the sum of its `sum` cell (what the loop touched; a check that every row was read). */
  sums: Record<Table, number>;
  pages: number;
}

const cell = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" ? v.length : 0);

/**
 * Reads every customer, then every child table, with `.raw()` (arrays), one query per table and page, paged the way
 * the loader pages: customers by keyset on customers(workspace_id, id) (index customers_ws_id_idx), children over the
 * same customer id range on their (workspace_id, customer_id, …) index; no ORDER BY on children, no joins, no JSON.
 * One SELECT per table also works on local D1 (≈ 1M orders in one answer at 100k) but measured slower: 8.6–9.7 s for
 * the whole scan against 6.4–6.7 s in pages of 2,500 customers (10,000: 6.7–7.0 s). Sequential, no query overlapping
 * another; each query is I/O, so Date.now() advances across every one.
 */
export async function scanWorkspace(db: Db, ws: string, page = SCAN_PAGE): Promise<Scan> {
  const zero = () => Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0])) as Record<Table, number>;
  const out: Scan = { tookMs: 0, rows: zero(), perTableMs: zero(), sums: zero(), pages: 0 };
  const read = async (table: Table, sql: string, ...params: unknown[]): Promise<unknown[][]> => {
    const started = Date.now();
    const rows = await db
      .prepare(sql)
      .bind(...params)
      .raw<unknown[]>();
    out.perTableMs[table] += Date.now() - started;
    const k = TABLES[table].sum;
    let sum = 0;
    for (const row of rows) sum += cell(row[k]);
    out.rows[table] += rows.length;
    out.sums[table] += sum;
    return rows;
  };

  const started = Date.now();
  /** The last customer id of each page: the child tables are read over the same ranges (prev, last]. */
  const bounds: string[] = [];
  const customers = `SELECT ${TABLES.customers.columns} FROM customers WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?`;
  for (let after = ""; ; ) {
    const rows = await read("customers", customers, ws, after, page);
    const last = rows[rows.length - 1]?.[0];
    if (typeof last !== "string") break;
    bounds.push(last);
    after = last;
    if (rows.length < page) break;
  }
  for (const table of CHILDREN) {
    const sql = `SELECT ${TABLES[table].columns} FROM ${table} WHERE workspace_id = ? AND customer_id > ? AND customer_id <= ?`;
    for (let k = 0; k < bounds.length; k++) await read(table, sql, ws, k === 0 ? "" : bounds[k - 1], bounds[k]);
  }
  out.tookMs = Date.now() - started;
  out.pages = bounds.length;
  return out;
}
