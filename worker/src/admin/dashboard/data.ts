// What the dashboard shows, read in five queries at once: the report stored by the last regrade (funnel, Pareto,
// pyramid, tiers, migration), watchlists from the grades table by index, and the follow-up compliance per owner and
// tier counted from the grades as they are now (so each count equals the list its link opens). Nothing is graded here.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { customers, grades, users, workspaceReports } from "../../db/schema";
import type { Db } from "../../env";
import type { OwnerCompliance, WorkspaceReport } from "../../jobs/workspace-report";

export interface WatchRow {
  id: string;
  name: string;
  tier: string;
  credit: string;
  churn: string;
  overdueAmount: number;
  ownerName: string | null;
}

export interface RepCompliance extends OwnerCompliance {
  ownerName: string | null;
}

export interface Dashboard {
  /** Null until the workspace is first regraded. */
  report: WorkspaceReport | null;
  migration: WorkspaceReport["migration"];
  compliance: RepCompliance[];
  creditWatch: WatchRow[];
  churnRisk: WatchRow[];
}

const WATCH_ROWS = 15;

const watchColumns = {
  id: customers.id,
  name: customers.name,
  tier: grades.tier,
  credit: grades.credit,
  churn: grades.churn,
  overdueAmount: grades.overdueAmount,
  ownerName: users.name,
};

/**
 * Customers and overdue follow-ups (next follow-up before `today`) per owner and tier, from the grades as they are now:
 * an owner changed or a call logged since the regrade counts at once, as the customer list it links to does. The
 * query (exported for its plan test).
 */
export function complianceQuery(db: Db, workspaceId: string, today: string) {
  return (
    db
      .select({
        ownerId: customers.ownerId,
        tier: grades.tier,
        customers: sql<number>`count(*)`,
        overdue: sql<number>`coalesce(sum(${grades.nextFollowUp} < ${today}), 0)`,
      })
      .from(grades)
      // CROSS JOIN keeps grades the outer loop in SQLite: the workspace's grades read in one range, each customer found
      // by (workspace, id). Left to itself the planner walked customers by owner and probed grades per row: at 100k
      // customers on local D1, ≈ 600 ms against ≈ 200 ms this way.
      .crossJoin(customers)
      .where(
        and(
          eq(grades.workspaceId, workspaceId),
          eq(customers.workspaceId, grades.workspaceId),
          eq(customers.id, grades.customerId),
        ),
      )
      .groupBy(customers.ownerId, grades.tier)
  );
}

/** complianceQuery's rows, one entry per owner. */
async function complianceOf(db: Db, workspaceId: string, today: string): Promise<OwnerCompliance[]> {
  const rows = await complianceQuery(db, workspaceId, today);
  const byOwner = new Map<string | null, OwnerCompliance>();
  for (const r of rows) {
    const owner = byOwner.get(r.ownerId) ?? { ownerId: r.ownerId, byTier: {} };
    byOwner.set(r.ownerId, owner);
    owner.byTier[r.tier] = { customers: Number(r.customers), overdue: Number(r.overdue) };
  }
  return [...byOwner.values()];
}

/**
 * Loads everything the dashboard draws from the stored report and the grades table; `today` (YYYY-MM-DD, the
 * workspace's zone) is the day a follow-up counts as overdue from.
 */
export async function loadDashboard(db: Db, workspaceId: string, today: string): Promise<Dashboard> {
  const watch = (filter: ReturnType<typeof and>, order: ReturnType<typeof desc>[]) =>
    db
      .select(watchColumns)
      .from(grades)
      .innerJoin(customers, eq(customers.id, grades.customerId))
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(and(eq(grades.workspaceId, workspaceId), filter))
      .orderBy(...order)
      .limit(WATCH_ROWS);
  // Separate queries, not one db.batch: a batch returns rows as objects, where the two `name` columns would collide.
  const [stored, creditWatch, churnRisk, owners, live] = await Promise.all([
    db
      .select({ report: workspaceReports.report })
      .from(workspaceReports)
      .where(eq(workspaceReports.workspaceId, workspaceId)),
    watch(inArray(grades.credit, ["hold", "watch"]), [desc(grades.overdueAmount)]),
    watch(inArray(grades.churn, ["high", "medium"]), [sql`${grades.churn} = 'high' desc`, desc(grades.score)]),
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.workspaceId, workspaceId)),
    complianceOf(db, workspaceId, today),
  ]);
  const report = (stored[0]?.report ?? null) as WorkspaceReport | null;
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const compliance = live
    .map((r) => ({ ...r, ownerName: r.ownerId ? (ownerName.get(r.ownerId) ?? null) : null }))
    .sort((a, b) => (a.ownerName ?? "~").localeCompare(b.ownerName ?? "~"));
  return { report, migration: report?.migration ?? [], compliance, creditWatch, churnRisk };
}
