// What the dashboard shows, read in four indexed queries at once: the report stored by the last regrade (funnel, Pareto,
// pyramid, tiers, compliance, migration) and watchlists from the grades table by index. Nothing is graded here.
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

/** Loads everything the dashboard draws from the stored report and the grades table. */
export async function loadDashboard(db: Db, workspaceId: string): Promise<Dashboard> {
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
  const [stored, creditWatch, churnRisk, owners] = await Promise.all([
    db
      .select({ report: workspaceReports.report })
      .from(workspaceReports)
      .where(eq(workspaceReports.workspaceId, workspaceId)),
    watch(inArray(grades.credit, ["hold", "watch"]), [desc(grades.overdueAmount)]),
    watch(inArray(grades.churn, ["high", "medium"]), [sql`${grades.churn} = 'high' desc`, desc(grades.score)]),
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.workspaceId, workspaceId)),
  ]);
  const report = (stored[0]?.report ?? null) as WorkspaceReport | null;
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const compliance = (report?.compliance ?? [])
    .map((r) => ({ ...r, ownerName: r.ownerId ? (ownerName.get(r.ownerId) ?? null) : null }))
    .sort((a, b) => (a.ownerName ?? "~").localeCompare(b.ownerName ?? "~"));
  return { report, migration: report?.migration ?? [], compliance, creditWatch, churnRisk };
}
