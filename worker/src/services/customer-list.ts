// The customer list: filters, sorts and offset cursors over customers joined to their current grade.
import { type AnyColumn, and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { CustomerListItem, CustomerListQuery, CustomerListResponse } from "../../../shared/contract";
import { fromMinorOrNull } from "../../../shared/contract";
import { contacts, customerDomains, customers, grades, users } from "../db/schema";
import type { Caller, Db } from "../env";
import { ApiError } from "../lib/errors";
import { visibleCustomers } from "./visibility";

const CREDIT_ORDER = sql`CASE ${grades.credit} WHEN 'good' THEN 1 WHEN 'fair' THEN 2 WHEN 'unknown' THEN 3 WHEN 'watch' THEN 4 WHEN 'hold' THEN 5 END`;
const SORT_COLUMNS = {
  name: customers.name,
  tier: grades.tier,
  score: grades.score,
  credit: CREDIT_ORDER,
  overdue: grades.overdueAmount,
  updated: customers.updatedAt,
} as const;

/** Cursors are opaque to clients: a base64url offset into the same query. */
export const encodeCursor = (offset: number) => btoa(JSON.stringify({ o: offset })).replace(/=+$/, "");
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(atob(cursor)) as { o: unknown };
    if (Number.isSafeInteger(o) && (o as number) >= 0) return o as number;
  } catch {}
  throw new ApiError(400, "validation_failed", "The request is not valid.", [
    { field: "cursor", message: "Not a cursor from this list." },
  ]);
}

/** Comma-separated values of a filter (`tier=A,B`). */
const values = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function filters(caller: Caller, q: CustomerListQuery): SQL[] {
  const where: SQL[] = [visibleCustomers(caller)];
  if (q.tier) where.push(inArray(grades.tier, values(q.tier)));
  if (q.credit) where.push(inArray(grades.credit, values(q.credit)));
  if (q.churn) where.push(inArray(grades.churn, values(q.churn)));
  if (q.segment) where.push(inArray(grades.rfmSegment, values(q.segment)));
  if (q.value) where.push(inArray(grades.valueClass, values(q.value)));
  if (q.keyAccount !== undefined) where.push(eq(grades.keyAccount, q.keyAccount));
  if (q.owner === "none") where.push(isNull(customers.ownerId));
  else if (q.owner) where.push(eq(customers.ownerId, q.owner === "me" ? caller.userId : q.owner));
  if (q.q) {
    const pattern = escapeLike(q.q.toLowerCase());
    const likeEsc = (col: AnyColumn) => sql`${col} LIKE ${pattern} ESCAPE '\\'`;
    where.push(
      or(
        likeEsc(customers.name),
        sql`EXISTS (SELECT 1 FROM ${contacts} WHERE ${contacts.workspaceId} = ${customers.workspaceId} AND ${contacts.customerId} = ${customers.id} AND ${likeEsc(contacts.email)})`,
        sql`EXISTS (SELECT 1 FROM ${customerDomains} WHERE ${customerDomains.workspaceId} = ${customers.workspaceId} AND ${customerDomains.customerId} = ${customers.id} AND ${likeEsc(customerDomains.domain)})`,
      ) as SQL,
    );
  }
  return where;
}

/** One page of the customers `caller` may see, with their grade summary (null fields until graded). */
export async function listCustomers(db: Db, caller: Caller, q: CustomerListQuery): Promise<CustomerListResponse> {
  const offset = decodeCursor(q.cursor);
  const descending = q.sort.startsWith("-");
  const column = SORT_COLUMNS[q.sort.replace(/^-/, "") as keyof typeof SORT_COLUMNS];
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      kind: customers.kind,
      industry: customers.industry,
      region: customers.region,
      ownerId: customers.ownerId,
      ownerName: users.name,
      tier: grades.tier,
      score: grades.score,
      keyAccount: grades.keyAccount,
      negativeValue: grades.negativeValue,
      credit: grades.credit,
      overdueAmount: grades.overdueAmount,
      churn: grades.churn,
      segment: grades.rfmSegment,
      valueClass: grades.valueClass,
    })
    .from(customers)
    .leftJoin(grades, and(eq(grades.workspaceId, customers.workspaceId), eq(grades.customerId, customers.id)))
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(...filters(caller, q)))
    // Ungraded customers (null sort values) come last in both directions; the id keeps pages stable.
    .orderBy(sql`(${column}) IS NULL`, descending ? desc(column) : asc(column), asc(customers.id))
    .limit(q.limit + 1)
    .offset(offset);
  const items: CustomerListItem[] = rows.slice(0, q.limit).map((r) => ({
    ...r,
    score: r.score === null ? null : r.score / 100,
    overdueAmount: fromMinorOrNull(r.overdueAmount),
  }));
  return { items, nextCursor: rows.length > q.limit ? encodeCursor(offset + q.limit) : null };
}
