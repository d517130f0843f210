// The customer list: filters, sorts and keyset-paged cursors over customers joined to their current grade.
import { type AnyColumn, and, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { CustomerListItem, CustomerListQuery, CustomerListResponse } from "../../../shared/contract";
import { fromMinorOrNull } from "../../../shared/contract";
import { contacts, customerDomains, customers, grades, users } from "../db/schema";
import type { Caller, Db } from "../env";
import { type Anchor, beyond, decodeCursor, encodeCursor, orderBy, type Sort, sortOf } from "./customer-cursor";
import { visibleCustomers } from "./visibility";

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
  if (q.followUpBy) where.push(lte(grades.nextFollowUp, q.followUpBy));
  // "> ''" rather than IS NOT NULL (the same rows: a deadline is never empty): SQLite reads that range from the reply
  // index, where IS NOT NULL left it walking every customer of the workspace.
  // `false` is graded customers with none waiting, as keyAccount=false leaves the ungraded out.
  if (q.replyDue !== undefined)
    where.push(
      q.replyDue ? gt(grades.replyBy, "") : (and(isNotNull(grades.customerId), isNull(grades.replyBy)) as SQL),
    );
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

/** A page as the admin list wants it: the API's page plus a cursor to the page before (null on the first). */
export interface CustomerListPage extends CustomerListResponse {
  prevCursor: string | null;
}

/**
 * A text key cut short to fit a cursor is completed from the row's current key, unless the row is gone or its key
 * no longer starts with the prefix; then the prefix itself resumes the walk (at worst repeating rows sharing it).
 */
async function completeKey(db: Db, caller: Caller, sort: Sort, anchor: Anchor): Promise<Anchor> {
  if (!anchor.truncated) return anchor;
  const [row] = await db
    .select({ key: sql<string | null>`${sort.expr}` })
    .from(customers)
    .leftJoin(grades, and(eq(grades.workspaceId, customers.workspaceId), eq(grades.customerId, customers.id)))
    .where(and(eq(customers.workspaceId, caller.workspaceId), eq(customers.id, anchor.id)))
    .limit(1);
  const current = row?.key;
  return typeof current === "string" && current.startsWith(String(anchor.key)) ? { ...anchor, key: current } : anchor;
}

/** The statement of one page (one row more than the limit, to tell whether another page follows). */
export function pageStatement(db: Db, caller: Caller, q: CustomerListQuery, sort: Sort, anchor: Anchor | null) {
  const where = filters(caller, q);
  if (anchor) where.push(beyond(sort, anchor));
  return db
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
      nextFollowUp: grades.nextFollowUp,
      replyBy: grades.replyBy,
      // The key exactly as SQL compared it (the credit sort compares a rank), for the next page's cursor.
      sortKey: sql<string | number | null>`${sort.expr}`,
    })
    .from(customers)
    .leftJoin(grades, and(eq(grades.workspaceId, customers.workspaceId), eq(grades.customerId, customers.id)))
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(...where))
    .orderBy(...orderBy(sort, anchor?.before ?? false))
    .limit(q.limit + 1);
}

/**
 * One page of the customers `caller` may see, with their grade summary (null fields until graded). Pages are
 * keyset-paged: a cursor holds the last row's sort key and id, so a page costs the same at any depth and a
 * customer whose grade changes between pages moves without shifting, repeating or skipping the others.
 */
export async function listCustomers(db: Db, caller: Caller, q: CustomerListQuery): Promise<CustomerListPage> {
  const sort = sortOf(q.sort);
  const anchor = q.cursor ? await completeKey(db, caller, sort, decodeCursor(sort, q.cursor)) : null;
  const backwards = anchor?.before ?? false;
  const rows = await pageStatement(db, caller, q, sort, anchor);
  const more = rows.length > q.limit;
  // Walking back reached the start: show the first page as it is, full, rather than the rows left before the anchor.
  if (backwards && !more) return listCustomers(db, caller, { ...q, cursor: undefined });
  const page = rows.slice(0, q.limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const items: CustomerListItem[] = page.map(({ sortKey: _, ...r }) => ({
    ...r,
    score: r.score === null ? null : r.score / 100,
    overdueAmount: fromMinorOrNull(r.overdueAmount),
  }));
  return {
    items,
    nextCursor: last && (more || backwards) ? encodeCursor(sort, last.sortKey, last.id) : null,
    prevCursor: first && anchor ? encodeCursor(sort, first.sortKey, first.id, true) : null,
  };
}
