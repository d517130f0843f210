// The workspace-level results a regrade stores in workspace_reports for the dashboard: KPIs, Pareto, pyramid, tier
// counts, funnel (forecast, conversion), follow-up compliance per owner by tier and the grade migration of a month.
import type { FunnelReport, WorkspaceGrades } from "../../../shared/grade/types";
import type { Statement } from "../db/batch";
import { workspaceReports } from "../db/schema";
import type { Db } from "../env";

/** Stale opportunities kept in the stored funnel (the dashboard shows their count). */
const STALE_KEPT = 20;

export interface OwnerCompliance {
  ownerId: string | null;
  /** Per tier: customers and those with an overdue follow-up. */
  byTier: Record<string, { customers: number; overdue: number }>;
}

export interface WorkspaceReport {
  asOf: string;
  configVersion: string | number;
  customers: number;
  keyAccounts: number;
  highChurn: number;
  overdueTotal: number;
  tierCounts: WorkspaceGrades["tierCounts"];
  pyramid: WorkspaceGrades["pyramid"];
  pareto: WorkspaceGrades["pareto"];
  /** The funnel with the first STALE_KEPT stale opportunities and the count of all. */
  funnel: FunnelReport & { staleCount: number };
  compliance: OwnerCompliance[];
  /** Each customer's tier a month before `asOf` (or "new") against now. */
  migration: { from: string; to: string; count: number }[];
}

/** The report of `result`; `owners[i]` is the owner of `result.customers[i]`. */
export function buildReport(
  result: WorkspaceGrades,
  owners: (string | null)[],
  monthAgo: Map<string, string>,
): WorkspaceReport {
  const migration = new Map<string, number>();
  let keyAccounts = 0;
  let highChurn = 0;
  let overdueTotal = 0;
  const byOwner = new Map<string | null, OwnerCompliance>();
  result.customers.forEach((g, i) => {
    if (g.keyAccount) keyAccounts++;
    if (g.churn === "high") highChurn++;
    overdueTotal += g.credit.overdueAmount;
    const move = `${monthAgo.get(g.customerId) ?? "new"}>${g.tier}`;
    migration.set(move, (migration.get(move) ?? 0) + 1);
    const ownerId = owners[i] ?? null;
    let rep = byOwner.get(ownerId);
    if (!rep) {
      rep = { ownerId, byTier: {} };
      byOwner.set(ownerId, rep);
    }
    const cell = rep.byTier[g.tier] ?? { customers: 0, overdue: 0 };
    rep.byTier[g.tier] = cell;
    cell.customers++;
    if (g.suggestions.some((s) => s.code === "follow-up-overdue")) cell.overdue++;
  });
  const { funnel } = result;
  return {
    asOf: result.asOf,
    configVersion: result.configVersion,
    customers: result.customers.length,
    keyAccounts,
    highChurn,
    overdueTotal,
    tierCounts: result.tierCounts,
    pyramid: result.pyramid,
    pareto: result.pareto,
    funnel: { ...funnel, stale: funnel.stale.slice(0, STALE_KEPT), staleCount: funnel.stale.length },
    compliance: [...byOwner.values()],
    migration: [...migration].map(([move, count]) => {
      const [from = "", to = ""] = move.split(">");
      return { from, to, count };
    }),
  };
}

/** Replaces the workspace's stored report. */
export function reportStatement(db: Db, workspaceId: string, report: WorkspaceReport): Statement {
  const row = {
    workspaceId,
    asOf: report.asOf,
    configVersion: Number(report.configVersion) || 0,
    report,
    createdAt: new Date().toISOString(),
  };
  return db
    .insert(workspaceReports)
    .values(row)
    .onConflictDoUpdate({
      target: workspaceReports.workspaceId,
      set: { asOf: row.asOf, configVersion: row.configVersion, report, createdAt: row.createdAt },
    });
}
