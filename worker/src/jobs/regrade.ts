// The regrade job: grade a whole workspace as of a date, store only what changed, store the workspace report, and
// the daily run over all workspaces. Re-running for the same date changes nothing: "previous" grades are the
// snapshots before it.
import { eq } from "drizzle-orm";
import { monthBefore } from "../../../shared/dates";
import {
  type CustomerGrade,
  type GradeInput,
  gradeSummary,
  gradeWorkspace,
  summaryChanged,
} from "../../../shared/grade";
import { getDb } from "../db/client";
import { loadWorkspaceRecords, type WorkspaceRecords } from "../db/records";
import { grades, workspaces } from "../db/schema";
import type { Db, Env } from "../env";
import { loadActiveConfig } from "./active-config";
import { hash53, type StoredGrade, storedSummary } from "./grade-rows";
import { GradeWriter } from "./grade-writer";
import { loadPreviousGrades } from "./previous-grades";
import { buildReport, reportStatement } from "./workspace-report";

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
  const loadingHistory = loadPreviousGrades(db, workspaceId, asOf, monthBefore(asOf));
  // Nothing here keeps the records once graded, so their memory is free again while grades are written.
  const [stored, history, { result, owners }] = await Promise.all([
    loadStoredGrades(db, workspaceId),
    loadingHistory,
    Promise.all([loadWorkspaceRecords(db, workspaceId), loadingHistory]).then(([records, { previous }]) =>
      gradeRecords(records, { config, configVersion: version, asOf, previous }),
    ),
  ]);
  const writer = new GradeWriter(db, workspaceId, version, new Date().toISOString());
  const report = buildReport(result, owners, history.monthAgo);
  const graded = result.customers.length;
  let changed = 0;
  for (let i = 0; i < graded; i++) {
    const grade = result.customers[i] as CustomerGrade;
    // Each grade is dropped once queued: on a big workspace the garbage collector can reclaim it while writing.
    result.customers[i] = undefined as unknown as CustomerGrade;
    const json = JSON.stringify(grade);
    const hash = hash53(json);
    const old = stored.get(grade.customerId);
    if (old?.hash === hash) continue;
    changed++;
    const summary = gradeSummary(grade);
    await writer.add(grade, json, hash, !old || summaryChanged(storedSummary(old), summary) ? summary : null);
  }
  await writer.finish();
  await reportStatement(db, workspaceId, report);
  return { graded, changed, tookMs: Date.now() - started };
}

function gradeRecords(records: WorkspaceRecords, options: Omit<GradeInput, keyof WorkspaceRecords>) {
  return { result: gradeWorkspace({ ...records, ...options }), owners: records.customers.map((c) => c.ownerId) };
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
