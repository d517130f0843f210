// Loads a workspace's plain records for the scoring engine: pages of customers in id order (index
// customers_ws_id_idx), one query per page with every customer's records as JSON (see records-page.ts) read as
// raw arrays. A page too big for one JSON value is split; a single such customer is read with plain queries.
import type { Db } from "../env";
import {
  CHILD_TABLES,
  type ChildTable,
  childSql,
  customersSql,
  decodeCustomer,
  decodeInto,
  pageSql,
  type RecordLists,
} from "./records-page";

/** Customers per page query (about 1 KB of records each in a typical workspace). */
export const CUSTOMERS_PER_PAGE = 2_500;
const CUSTOMER_CELLS = 14;

export type WorkspaceRecords = RecordLists;

/** One shared copy of each distinct string. */
function interner() {
  const seen = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = seen.get(s);
    if (known !== undefined) return known as T;
    seen.set(s, s);
    return s;
  };
}

const tooBig = (error: unknown) => /too ?big|TOOBIG/i.test(error instanceof Error ? error.message : String(error));

export async function loadWorkspaceRecords(db: Db, workspaceId: string): Promise<WorkspaceRecords> {
  const out: RecordLists = {
    customers: [],
    contacts: [],
    orders: [],
    invoices: [],
    interactions: [],
    opportunities: [],
  };
  const share = interner();
  const page = (after: string, limit: number) => db.values<unknown[]>(pageSql(workspaceId, after, limit));

  /** Reads customers after `after` one at a time with plain queries per table (no JSON value limit). */
  const plain = async (after: string, limit: number) => {
    const rows = await db.values<unknown[]>(customersSql(workspaceId, after, limit));
    for (const row of rows) {
      const customer = decodeCustomer(row);
      out.customers.push(customer);
      const lists = await Promise.all(
        CHILD_TABLES.map((t) => db.values<unknown[]>(childSql(t, workspaceId, customer.id))),
      );
      const children = Object.fromEntries(CHILD_TABLES.map((t, i) => [t, lists[i]])) as Record<ChildTable, unknown[][]>;
      decodeInto(out, customer.id, children, share);
    }
    return rows.length;
  };

  let after = "";
  let asked = CUSTOMERS_PER_PAGE;
  let pending: Promise<unknown[][]> | null = page(after, asked);
  while (pending) {
    let rows: unknown[][];
    try {
      rows = await pending;
    } catch (error) {
      if (!tooBig(error)) throw error;
      // Some customer's records exceed one JSON value: smaller pages, and alone it is read plainly.
      if (asked > 1) {
        asked = Math.max(1, Math.floor(asked / 8));
        pending = page(after, asked);
      } else if ((await plain(after, 1)) === 0) pending = null;
      else {
        after = out.customers[out.customers.length - 1]?.id ?? after;
        asked = CUSTOMERS_PER_PAGE;
        pending = page(after, asked);
      }
      continue;
    }
    const last = rows[rows.length - 1];
    const more = rows.length === asked && last !== undefined;
    if (last) after = last[0] as string;
    // The next page is asked for before this one is decoded, so SQLite and the decoding overlap.
    asked = CUSTOMERS_PER_PAGE;
    pending = more ? page(after, asked) : null;
    for (const row of rows) {
      const customer = decodeCustomer(row);
      out.customers.push(customer);
      const children = {} as Record<ChildTable, unknown[][]>;
      CHILD_TABLES.forEach((t, i) => {
        children[t] = JSON.parse(row[CUSTOMER_CELLS + i] as string) as unknown[][];
      });
      decodeInto(out, customer.id, children, share);
    }
  }
  return out;
}
