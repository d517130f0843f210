// Keyset paging of the customer list: each sort's key, its ORDER BY, the WHERE that resumes after (or before) a row, and opaque cursors holding that row's key and id.
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { CustomerListQuery } from "../../../shared/contract";
import { customers, grades } from "../db/schema";
import { fromB64url, toB64url } from "../lib/crypto";
import { ApiError } from "../lib/errors";

/** Every cursor must pass the contract's `cursorSchema` (at most 200 characters). */
export const MAX_CURSOR_LENGTH = 200;

const CREDIT_ORDER = sql`CASE ${grades.credit} WHEN 'good' THEN 1 WHEN 'fair' THEN 2 WHEN 'unknown' THEN 3 WHEN 'watch' THEN 4 WHEN 'hold' THEN 5 END`;

export interface SortKey {
  expr: AnyColumn | SQL;
  type: "text" | "int";
  /** Grade columns are null for customers not graded yet (the LEFT JOIN finds no grade row). */
  nullable: boolean;
}

const SORT_KEYS: Record<string, SortKey> = {
  name: { expr: customers.name, type: "text", nullable: false },
  updated: { expr: customers.updatedAt, type: "text", nullable: false },
  tier: { expr: grades.tier, type: "text", nullable: true },
  score: { expr: grades.score, type: "int", nullable: true },
  credit: { expr: CREDIT_ORDER, type: "int", nullable: true },
  overdue: { expr: grades.overdueAmount, type: "int", nullable: true },
  followUp: { expr: grades.nextFollowUp, type: "text", nullable: true },
  replyBy: { expr: grades.replyBy, type: "text", nullable: true },
};

export interface Sort extends SortKey {
  /** As the query names it, `-score` for descending. */
  name: CustomerListQuery["sort"];
  descending: boolean;
}

export function sortOf(name: CustomerListQuery["sort"]): Sort {
  const key = SORT_KEYS[name.replace(/^-/, "")];
  if (!key) throw new Error(`unknown sort ${name}`);
  return { ...key, name, descending: name.startsWith("-") };
}

/** Where a page starts: after the row with this key and id, or (`before`) the page that ends just before it. */
export interface Anchor {
  key: string | number | null;
  id: string;
  before: boolean;
  /** The key is a prefix of a text key too long for a cursor; the row's current key is looked up by id. */
  truncated: boolean;
}

/**
 * ORDER BY of the list walked forwards (or backwards, to find the page before a row). Ungraded customers come
 * last in both directions; the id breaks ties in the key's direction, so one index on (workspace, key, id) can
 * serve both directions of the customer-column sorts.
 */
export function orderBy(sort: Sort, backwards: boolean): SQL[] {
  const down = sort.descending !== backwards;
  const dir = down ? sql`DESC` : sql`ASC`;
  const terms = [sql`${sort.expr} ${dir}`, sql`${customers.id} ${dir}`];
  return sort.nullable ? [sql`(${sort.expr}) IS NULL ${backwards ? sql`DESC` : sql`ASC`}`, ...terms] : terms;
}

/** The rows strictly after `anchor` in the list's order (or strictly before it, for a `before` anchor). */
export function beyond(sort: Sort, anchor: Anchor): SQL {
  const op = sort.descending !== anchor.before ? sql`<` : sql`>`;
  const { expr } = sort;
  if (anchor.key === null) {
    // The anchor is ungraded: forwards stay among the ungraded, backwards take every graded row too.
    return anchor.before
      ? sql`((${expr}) IS NOT NULL OR ${customers.id} ${op} ${anchor.id})`
      : sql`((${expr}) IS NULL AND ${customers.id} ${op} ${anchor.id})`;
  }
  const after = sql`(${expr}, ${customers.id}) ${op} (${anchor.key}, ${anchor.id})`;
  // A row value with a NULL member compares as NULL, so ungraded rows need naming when walking forwards.
  return sort.nullable && !anchor.before ? sql`(${after} OR (${expr}) IS NULL)` : after;
}

const toBase64Url = (text: string) => toB64url(new TextEncoder().encode(text));
const fromBase64Url = (cursor: string) =>
  new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(fromB64url(cursor));

/** The opaque cursor of a page starting after (or ending before) the row with `key` and `id`. */
export function encodeCursor(sort: Sort, key: string | number | null, id: string, before = false): string {
  const payload = (k: typeof key, truncated: boolean) =>
    toBase64Url(
      JSON.stringify({ s: sort.name, k, i: id, ...(before ? { b: 1 } : {}), ...(truncated ? { t: 1 } : {}) }),
    );
  let cursor = payload(key, false);
  if (typeof key !== "string") return cursor;
  // Long names (up to 300 characters, three bytes each in Chinese) do not fit: keep a prefix of whole characters.
  let chars = [...key];
  while (cursor.length > MAX_CURSOR_LENGTH && chars.length > 0) {
    chars = chars.slice(0, Math.floor(chars.length * 0.8));
    cursor = payload(chars.join(""), true);
  }
  return cursor;
}

const badCursor = () =>
  new ApiError(400, "validation_failed", "The request is not valid.", [
    { field: "cursor", message: "Not a cursor from this list and sort." },
  ]);

/** The anchor a cursor holds, or 400 naming `cursor` when it is malformed or made for another sort. */
export function decodeCursor(sort: Sort, cursor: string): Anchor {
  let payload: unknown;
  try {
    payload = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw badCursor();
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw badCursor();
  const { s, k, i, b, t, ...rest } = payload as Record<string, unknown>;
  const keyFits = k === null ? sort.nullable : sort.type === "text" ? typeof k === "string" : Number.isSafeInteger(k);
  const ok =
    s === sort.name &&
    keyFits &&
    typeof i === "string" &&
    i.length > 0 &&
    i.length <= 100 &&
    (b === undefined || b === 1) &&
    (t === undefined || (t === 1 && typeof k === "string")) &&
    Object.keys(rest).length === 0;
  if (!ok) throw badCursor();
  return { key: k as Anchor["key"], id: i as string, before: b === 1, truncated: t === 1 };
}
