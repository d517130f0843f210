// The regrade job: grade a whole workspace as of a date, store only what changed, store the workspace report, and
// the daily run over all workspaces. Re-running for the same date changes nothing: "previous" grades are the
// snapshots before it.
import { eq } from "drizzle-orm";
import { gradeSummary, gradeWorkspace, summaryChanged } from "../../../shared/grade";
import { getDb } from "../db/client";
import { loadWorkspaceRecords } from "../db/records";
import { grades, workspaces } from "../db/schema";
import type { Db, Env } from "../env";
import { loadActiveConfig } from "./active-config";
import { hash53, type StoredGrade, storedSummary } from "./grade-rows";
import { GradeWriter } from "./grade-writer";
import { loadPreviousGrades } from "./previous-grades";
import { buildReport, monthBefore, reportStatement } from "./workspace-report";

export interface RegradeResult {
  /** Customers graded. */
  graded: number;
  /** Customers whose stored grade changed (and was rewritten). */
  changed: number;
  tookMs: number;
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * Grades every customer of the workspace as of `asOf` with its active configuration, rewrites the grades whose
 * content changed, appends history where the summary changed, bumps data_version with every chunk of changed
 * grades, and replaces the workspace report (dashboard).
 */
export async function regradeWorkspace(db: Db, workspaceId: string, asOf: string): Promise<RegradeResult> {
  const started = Date.now();
  const { config, version } = await loadActiveConfig(db, workspaceId);
  const [records, stored, history] = await Promise.all([
    loadWorkspaceRecords(db, workspaceId),
    loadStoredGrades(db, workspaceId),
    loadPreviousGrades(db, workspaceId, asOf, monthBefore(asOf)),
  ]);
  const result = gradeWorkspace({
    ...records,
    config,
    configVersion: version,
    asOf,
    previous: history.previous,
  });
  const writer = new GradeWriter(db, workspaceId, version, new Date().toISOString());
  let changed = 0;
  for (const grade of result.customers) {
    const json = JSON.stringify(grade);
    const hash = hash53(json);
    const old = stored.get(grade.customerId);
    if (old?.hash === hash) continue;
    changed++;
    const summary = gradeSummary(grade);
    await writer.add(grade, json, hash, !old || summaryChanged(storedSummary(old), summary) ? summary : null);
  }
  await writer.finish();
  const owners = records.customers.map((c) => c.ownerId);
  await reportStatement(db, workspaceId, buildReport(result, owners, history.monthAgo));
  return { graded: result.customers.length, changed, tookMs: Date.now() - started };
}

async function loadStoredGrades(db: Db, workspaceId: string): Promise<Map<string, StoredGrade>> {
  const rows = await db
    .select({
      customerId: grades.customerId,
      hash: grades.hash,
      tier: grades.tier,
      score: grades.score,
      keyAccount: grades.keyAccount,
      negativeValue: grades.negativeValue,
      credit: grades.credit,
      churn: grades.churn,
      abc: grades.abc,
      pyramid: grades.pyramid,
      rfmSegment: grades.rfmSegment,
      valueClass: grades.valueClass,
    })
    .from(grades)
    .where(eq(grades.workspaceId, workspaceId));
  return new Map(rows.map((g) => [g.customerId, g]));
}

/** Regrades every workspace as of `asOf` (default today in UTC); one workspace's failure is logged, not fatal. */
export async function regradeAll(
  env: Env,
  asOf = todayUtc(),
): Promise<Record<string, RegradeResult | { error: string }>> {
  const db = getDb(env);
  const all = await db.select({ id: workspaces.id }).from(workspaces);
  const outcome: Record<string, RegradeResult | { error: string }> = {};
  for (const { id } of all) {
    try {
      outcome[id] = await regradeWorkspace(db, id, asOf);
    } catch (error) {
      console.error(`regrade of workspace ${id} failed`, error);
      outcome[id] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return outcome;
}
