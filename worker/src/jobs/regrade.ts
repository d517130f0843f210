// The regrade job: grade a whole workspace as of a date, store only what changed, and the daily run over all
// workspaces. Re-running for the same date changes nothing: "previous" grades are the snapshots before it.
import { and, eq, lt, sql } from "drizzle-orm";
import { gradeSummary, gradeWorkspace, summaryChanged } from "../../../shared/grade";
import type { PreviousGrade } from "../../../shared/records";
import { chunk, rowsPerStatement, STATEMENTS_PER_BATCH, type Statement, upserts } from "../db/bulk";
import { getDb } from "../db/client";
import { loadWorkspaceRecords } from "../db/records";
import { gradeHistory, grades, workspaces } from "../db/schema";
import type { Db, Env } from "../env";
import { loadActiveConfig } from "./active-config";
import {
  type GradeRow,
  gradeRow,
  type HistoryRow,
  hash53,
  historyRow,
  type StoredGrade,
  storedSummary,
} from "./grade-rows";

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
 * content changed, appends history where the summary changed, and bumps data_version when anything changed.
 */
export async function regradeWorkspace(db: Db, workspaceId: string, asOf: string): Promise<RegradeResult> {
  const started = Date.now();
  const { config, version } = await loadActiveConfig(db, workspaceId);
  const [records, stored, previous] = await Promise.all([
    loadWorkspaceRecords(db, workspaceId),
    loadStoredGrades(db, workspaceId),
    loadPreviousGrades(db, workspaceId, asOf),
  ]);
  const result = gradeWorkspace({ ...records, config, configVersion: version, asOf, previous });
  const gradedAt = new Date().toISOString();
  const changed: { grade: GradeRow; history: HistoryRow | null }[] = [];
  for (const grade of result.customers) {
    const hash = hash53(JSON.stringify(grade));
    const old = stored.get(grade.customerId);
    if (old?.hash === hash) continue;
    const summary = gradeSummary(grade);
    const history = !old || summaryChanged(storedSummary(old), summary);
    changed.push({
      grade: gradeRow(workspaceId, grade, hash, version, gradedAt),
      history: history ? historyRow(workspaceId, summary, grade, version) : null,
    });
  }
  await writeGrades(db, workspaceId, changed);
  return { graded: result.customers.length, changed: changed.length, tookMs: Date.now() - started };
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

/** Each customer's latest snapshot before `asOf`: what grade-drop and promote-key-account compare with. */
async function loadPreviousGrades(db: Db, workspaceId: string, asOf: string): Promise<PreviousGrade[]> {
  const latest = db
    .select({
      customerId: gradeHistory.customerId,
      tier: gradeHistory.tier,
      keyAccount: gradeHistory.keyAccount,
      rank: sql<number>`row_number() over (partition by ${gradeHistory.customerId} order by ${gradeHistory.asOf} desc, ${gradeHistory.id} desc)`.as(
        "rank",
      ),
    })
    .from(gradeHistory)
    .where(and(eq(gradeHistory.workspaceId, workspaceId), lt(gradeHistory.asOf, asOf)))
    .as("latest");
  return db
    .select({ customerId: latest.customerId, tier: latest.tier, keyAccount: latest.keyAccount })
    .from(latest)
    .where(eq(latest.rank, 1));
}

/** Upserts changed grades with their history rows in chunks (one transaction each), bumping data_version. */
async function writeGrades(db: Db, workspaceId: string, changed: { grade: GradeRow; history: HistoryRow | null }[]) {
  // Each chunk's grades plus history stay within STATEMENTS_PER_BATCH statements.
  const perChunk = Math.floor(
    (STATEMENTS_PER_BATCH / 2) * Math.min(rowsPerStatement(grades), rowsPerStatement(gradeHistory)),
  );
  const bump = db
    .update(workspaces)
    .set({ dataVersion: sql`${workspaces.dataVersion} + 1` })
    .where(eq(workspaces.id, workspaceId));
  for (const part of chunk(changed, perChunk)) {
    const history = part.flatMap((c) => (c.history ? [c.history] : []));
    const statements: Statement[] = [
      ...upserts(
        db,
        grades,
        part.map((c) => c.grade),
        [grades.workspaceId, grades.customerId],
        [
          "tier",
          "score",
          "keyAccount",
          "negativeValue",
          "incomplete",
          "credit",
          "overdueAmount",
          "churn",
          "abc",
          "pyramid",
          "rfmSegment",
          "valueClass",
          "result",
          "hash",
          "configVersion",
          "asOf",
          "gradedAt",
        ],
      ),
      ...chunk(history, rowsPerStatement(gradeHistory)).map((rows) => db.insert(gradeHistory).values(rows)),
      bump,
    ];
    await db.batch(statements as [Statement, ...Statement[]]);
  }
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
