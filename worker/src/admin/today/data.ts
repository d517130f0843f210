// What /admin/today reads about the caller's own customers (or, for a manager or admin, the whole team's): a few counts,
// the emails waiting for a reply (earliest deadline first), the follow-ups due (most overdue first, then by tier), the
// credit to watch (largest overdue first) and the first next steps of each listed customer from its stored grade.
// Every query is scoped to the caller's workspace, and to the customers the caller owns or (team) may see.
import { and, asc, eq, gt, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { CustomerListItem } from "../../../../shared/contract";
import type { Suggestion } from "../../../../shared/grade/types";
import { customers, grades, users } from "../../db/schema";
import type { Caller, Db } from "../../env";
import { listCustomers } from "../../services/customer-list";
import { visibleCustomers } from "../../services/visibility";

/**
 * The caller's own customers, or (a manager's or admin's view of the team) every customer the caller may see, or
 * those of one colleague (`{ owner }`, a user id of the workspace).
 */
export type TodayScope = "mine" | "team" | { owner: string };

/** Rows of each list; the rest is one link away in the customer list. */
export const REPLY_ROWS = 10;
export const DUE_ROWS = 15;
export const CREDIT_ROWS = 10;
/** Next steps kept per customer (its grade's first, by priority then due date); a list may leave some out. */
const STEPS_KEPT = 3;

/** A customer whose email waits for a reply, by when (the grade's reply-due step). */
export interface ReplyRow {
  id: string;
  name: string;
  tier: string;
  keyAccount: boolean;
  negativeValue: boolean;
  /** ISO timestamp. */
  replyBy: string;
  /** Who owns the customer (null: nobody); shown in the team view. */
  ownerName: string | null;
}

/** A customer due for a follow-up (on or before today). */
export interface DueRow {
  id: string;
  name: string;
  tier: string;
  keyAccount: boolean;
  negativeValue: boolean;
  /** YYYY-MM-DD. */
  nextFollowUp: string;
  ownerName: string | null;
}

export interface TodayCounts {
  /** My customers with an email waiting for a reply, and those whose reply is late. */
  replies: number;
  repliesLate: number;
  /** My customers whose next follow-up was before today, and those due today. */
  overdue: number;
  dueToday: number;
  /** My customers on credit hold, and on watch. */
  hold: number;
  watch: number;
  /** Overdue receivables of my customers, minor units. */
  overdueAmount: number;
}

export interface Today {
  scope: TodayScope;
  counts: TodayCounts;
  replies: ReplyRow[];
  due: DueRow[];
  dueMore: boolean;
  credit: CustomerListItem[];
  creditMore: boolean;
  /** Next steps and last contact of each listed customer, by customer id. */
  notes: Map<string, GradeNotes>;
}

/** What a listed row shows of a customer and its grade. */
const ROW = {
  id: customers.id,
  name: customers.name,
  tier: grades.tier,
  keyAccount: grades.keyAccount,
  negativeValue: grades.negativeValue,
  ownerName: users.name,
};
/** A grade with its customer, in the caller's workspace. */
const GRADED = and(eq(customers.workspaceId, grades.workspaceId), eq(customers.id, grades.customerId));
/** The customer's owner, when it has one. */
const OWNER = and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId));
/** The owner whose customers `scope` holds: the caller, a colleague, or (the whole team) none. */
export const ownerOf = (caller: Caller, scope: TodayScope): string | null =>
  scope === "mine" ? caller.userId : scope === "team" ? null : scope.owner;

/** The grades of the customers in `scope`, narrowed by `filter` when given. */
const scoped = (caller: Caller, scope: TodayScope, filter?: SQL) => {
  const owner = ownerOf(caller, scope);
  return and(
    eq(grades.workspaceId, caller.workspaceId),
    filter,
    owner === null ? visibleCustomers(caller) : and(visibleCustomers(caller), eq(customers.ownerId, owner)),
  );
};

async function countsOf(
  db: Db,
  caller: Caller,
  scope: TodayScope,
  today: string,
  nowIso: string,
): Promise<TodayCounts> {
  const n = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(sum(${expr}), 0)`;
  const [row] = await db
    .select({
      replies: n(sql`${grades.replyBy} IS NOT NULL`),
      repliesLate: n(sql`${grades.replyBy} < ${nowIso}`),
      overdue: n(sql`${grades.nextFollowUp} < ${today}`),
      dueToday: n(sql`${grades.nextFollowUp} = ${today}`),
      hold: n(sql`${grades.credit} = 'hold'`),
      watch: n(sql`${grades.credit} = 'watch'`),
      overdueAmount: n(sql`${grades.overdueAmount}`),
    })
    .from(grades)
    .innerJoin(customers, GRADED)
    .where(scoped(caller, scope));
  return {
    replies: Number(row?.replies ?? 0),
    repliesLate: Number(row?.repliesLate ?? 0),
    overdue: Number(row?.overdue ?? 0),
    dueToday: Number(row?.dueToday ?? 0),
    hold: Number(row?.hold ?? 0),
    watch: Number(row?.watch ?? 0),
    overdueAmount: Number(row?.overdueAmount ?? 0),
  };
}

/** What the list shows from a customer's stored grade beyond the summary columns. */
export interface GradeNotes {
  /** Its first next steps (by priority, then due date). */
  steps: Suggestion[];
  /** The last touch (ISO timestamp), null when never contacted. */
  lastContact: string | null;
}

/** The notes of each listed customer, read from the grade JSON for these few rows only. */
async function notesOf(db: Db, caller: Caller, ids: string[]): Promise<Map<string, GradeNotes>> {
  const notes = new Map<string, GradeNotes>();
  if (ids.length === 0) return notes;
  const rows = await db
    .select({
      id: grades.customerId,
      suggestions: sql<string | null>`json_extract(${grades.result}, '$.suggestions')`,
      lastContact: sql<string | null>`json_extract(${grades.result}, '$.facts.lastContact')`,
    })
    .from(grades)
    .where(and(eq(grades.workspaceId, caller.workspaceId), inArray(grades.customerId, ids)));
  for (const r of rows) {
    const list: unknown = r.suggestions ? JSON.parse(r.suggestions) : [];
    notes.set(r.id, {
      steps: Array.isArray(list) ? (list.slice(0, STEPS_KEPT) as Suggestion[]) : [],
      lastContact: typeof r.lastContact === "string" ? r.lastContact : null,
    });
  }
  return notes;
}

/** Customers with an email waiting for a reply, the earliest deadline first (by the reply_by index). */
async function repliesOf(db: Db, caller: Caller, scope: TodayScope): Promise<ReplyRow[]> {
  const rows = await db
    .select({ ...ROW, replyBy: grades.replyBy })
    .from(grades)
    .innerJoin(customers, GRADED)
    .leftJoin(users, OWNER)
    .where(scoped(caller, scope, gt(grades.replyBy, ""))) // a range the reply index reads (IS NOT NULL is not one for SQLite)
    .orderBy(asc(grades.replyBy), asc(grades.customerId))
    .limit(REPLY_ROWS);
  return rows.flatMap((r) => (r.replyBy ? [{ ...r, replyBy: r.replyBy }] : []));
}

/**
 * Follow-ups due by `today`: the most overdue first and, on the same day, the higher tier first (then by name), so
 * an A due today comes before the Cs due today. The range is read by the follow-up index.
 */
async function dueOf(
  db: Db,
  caller: Caller,
  scope: TodayScope,
  today: string,
): Promise<{ rows: DueRow[]; more: boolean }> {
  const rows = await db
    .select({ ...ROW, nextFollowUp: grades.nextFollowUp })
    .from(grades)
    .innerJoin(customers, GRADED)
    .leftJoin(users, OWNER)
    .where(scoped(caller, scope, lte(grades.nextFollowUp, today)))
    .orderBy(asc(grades.nextFollowUp), asc(grades.tier), asc(customers.name), asc(customers.id))
    .limit(DUE_ROWS + 1);
  const due = rows.flatMap((r) => (r.nextFollowUp ? [{ ...r, nextFollowUp: r.nextFollowUp }] : []));
  return { rows: due.slice(0, DUE_ROWS), more: due.length > DUE_ROWS };
}

/**
 * Everything the page shows; `today` is the reader's day (YYYY-MM-DD) in the workspace's time zone, `nowIso` the
 * moment a reply counts as late from. `scope` "team" is for managers and admins (the page decides; a rep asking for
 * it would still see only what reps may see).
 */
export async function loadToday(
  db: Db,
  caller: Caller,
  today: string,
  nowIso: string,
  scope: TodayScope = "mine",
): Promise<Today> {
  const ownerId = ownerOf(caller, scope);
  const owner = scope === "mine" ? { owner: "me" } : ownerId === null ? {} : { owner: ownerId };
  const [counts, replies, due, credit] = await Promise.all([
    countsOf(db, caller, scope, today, nowIso),
    repliesOf(db, caller, scope),
    dueOf(db, caller, scope, today),
    listCustomers(db, caller, { ...owner, credit: "hold,watch", sort: "-overdue", limit: CREDIT_ROWS }),
  ]);
  const ids = [...new Set([...replies, ...due.rows, ...credit.items].map((c) => c.id))];
  return {
    scope,
    counts,
    replies,
    due: due.rows,
    dueMore: due.more,
    credit: credit.items,
    creditMore: credit.nextCursor !== null,
    notes: await notesOf(db, caller, ids),
  };
}
