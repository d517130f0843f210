// What the dashboard shows: the engine's workspace outputs (funnel, Pareto, pyramid, tiers) and lists from stored grades.
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { gradeWorkspace, type WorkspaceGrades } from "../../../../shared/grade";
import { loadWorkspaceRecords } from "../../db/records";
import { customers, gradeHistory, grades, users } from "../../db/schema";
import type { Db } from "../../env";
import { loadActiveConfig } from "../../jobs/active-config";

export interface WatchRow {
  id: string;
  name: string;
  tier: string;
  credit: string;
  churn: string;
  overdueAmount: number;
  ownerName: string | null;
}

export interface RepCompliance {
  ownerId: string | null;
  ownerName: string | null;
  /** Per tier: customers and those with an overdue follow-up. */
  byTier: Record<string, { customers: number; overdue: number }>;
}

export interface Dashboard {
  /** Null when the workspace has no graded customers yet. */
  workspace: WorkspaceGrades | null;
  migration: { from: string; to: string; count: number }[];
  compliance: RepCompliance[];
  creditWatch: WatchRow[];
  churnRisk: WatchRow[];
  overdueTotal: number;
}

const watchColumns = {
  id: customers.id,
  name: customers.name,
  tier: grades.tier,
  credit: grades.credit,
  churn: grades.churn,
  overdueAmount: grades.overdueAmount,
  ownerName: users.name,
};

/** Each customer's latest snapshot on or before `date` vs its current grade: who moved between tiers. */
async function migrationSince(db: Db, workspaceId: string, date: string) {
  const before = db
    .select({
      customerId: gradeHistory.customerId,
      tier: gradeHistory.tier,
      rank: sql<number>`row_number() over (partition by ${gradeHistory.customerId} order by ${gradeHistory.asOf} desc, ${gradeHistory.id} desc)`.as(
        "rank",
      ),
    })
    .from(gradeHistory)
    .where(and(eq(gradeHistory.workspaceId, workspaceId), lte(gradeHistory.asOf, date)))
    .as("before");
  const rows = await db
    .select({ from: sql<string | null>`${before.tier}`, to: grades.tier, count: sql<number>`count(*)` })
    .from(grades)
    .leftJoin(before, and(eq(before.customerId, grades.customerId), eq(before.rank, 1)))
    .where(eq(grades.workspaceId, workspaceId))
    .groupBy(sql`1`, sql`2`);
  return rows.map((r) => ({ from: r.from ?? "new", to: r.to, count: Number(r.count) }));
}

/** Loads everything the dashboard draws; grading runs in memory as of the stored grades' date. */
export async function loadDashboard(db: Db, workspaceId: string, today: string): Promise<Dashboard> {
  const [latest] = await db
    .select({
      asOf: sql<string | null>`max(${grades.asOf})`,
      overdue: sql<number>`coalesce(sum(${grades.overdueAmount}), 0)`,
    })
    .from(grades)
    .where(eq(grades.workspaceId, workspaceId));
  if (!latest?.asOf) {
    return { workspace: null, migration: [], compliance: [], creditWatch: [], churnRisk: [], overdueTotal: 0 };
  }
  const asOf = latest.asOf;
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  const watch = (where: ReturnType<typeof and>, order: ReturnType<typeof desc>[]) =>
    db
      .select(watchColumns)
      .from(grades)
      .innerJoin(customers, eq(customers.id, grades.customerId))
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(where)
      .orderBy(...order)
      .limit(15);
  const [active, records, migration, creditWatch, churnRisk, owners] = await Promise.all([
    loadActiveConfig(db, workspaceId),
    loadWorkspaceRecords(db, workspaceId),
    migrationSince(db, workspaceId, monthAgo),
    watch(and(eq(grades.workspaceId, workspaceId), inArray(grades.credit, ["hold", "watch"])), [
      desc(grades.overdueAmount),
    ]),
    watch(and(eq(grades.workspaceId, workspaceId), inArray(grades.churn, ["high", "medium"])), [
      sql`${grades.churn} = 'high' desc`,
      desc(grades.score),
    ]),
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.workspaceId, workspaceId)),
  ]);
  const workspace = gradeWorkspace({ ...records, config: active.config, configVersion: active.version, asOf });
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const byOwner = new Map<string | null, RepCompliance>();
  workspace.customers.forEach((g, i) => {
    const ownerId = records.customers[i]?.ownerId ?? null;
    let rep = byOwner.get(ownerId);
    if (!rep) {
      rep = { ownerId, ownerName: ownerId ? (ownerName.get(ownerId) ?? null) : null, byTier: {} };
      byOwner.set(ownerId, rep);
    }
    const cell = rep.byTier[g.tier] ?? { customers: 0, overdue: 0 };
    rep.byTier[g.tier] = cell;
    cell.customers++;
    if (g.suggestions.some((s) => s.code === "follow-up-overdue")) cell.overdue++;
  });
  const compliance = [...byOwner.values()].sort((a, b) => (a.ownerName ?? "~").localeCompare(b.ownerName ?? "~"));
  return { workspace, migration, compliance, creditWatch, churnRisk, overdueTotal: Number(latest.overdue) };
}
