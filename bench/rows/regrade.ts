// Regrade rows: POST /api/v1/regrade (whole workspace, inside the Worker) vs the bare GROUP BY over its orders, and
// the regrade's floor — reading the columns it grades from with bare SELECTs — against the same GROUP BY.
import { BENCH, type BenchWorkspace } from "../generate/workspace";
import { call, describeError, median } from "../lib/http";
import { judge, type Row, ratioOf, unavailable } from "../lib/report";

export interface GroupBy {
  tookMs: number;
  wallMs: number;
  groups: number;
}

export interface Regrade {
  tookMs: number;
  wallMs: number;
  graded: number;
  changed: number;
  /** Why this run is a second attempt, when the first lost its connection (said in the row's note). */
  retried?: string;
}

/** The bare GROUP BY, timed inside the baseline worker: the median of `runs` runs (after one warm-up). */
export async function measureGroupBy(baselineUrl: string, ws: BenchWorkspace, runs = 3): Promise<GroupBy> {
  const took: number[] = [];
  const wall: number[] = [];
  let groups = 0;
  for (let k = 0; k <= runs; k++) {
    const r = await call<{ tookMs: number; groups: number }>(baselineUrl, "GET", `/groupby?size=${ws.label}`);
    if (r.status !== 200) throw new Error(`baseline /groupby answered ${describeError(r)}`);
    if (k === 0) continue;
    took.push(r.body.tookMs);
    wall.push(r.ms);
    groups = r.body.groups;
  }
  return { tookMs: median(took), wallMs: median(wall), groups };
}

export interface Scan {
  tookMs: number;
  wallMs: number;
  runs: number;
  pages: number;
  rows: Record<string, number>;
  perTableMs: Record<string, number>;
}

/**
 * The regrade's input read with bare paged SELECTs (`GET /scan`, timed inside the baseline worker): the run with the
 * median time of `runs` runs (after one warm-up), with its per-table times.
 */
export async function measureScan(baselineUrl: string, ws: BenchWorkspace, runs = 3): Promise<Scan> {
  const kept: Scan[] = [];
  for (let k = 0; k <= runs; k++) {
    const r = await call<Omit<Scan, "wallMs" | "runs">>(baselineUrl, "GET", `/scan?size=${ws.label}`, {
      timeoutMs: 600_000,
    });
    if (r.status !== 200) throw new Error(`baseline /scan answered ${describeError(r)}`);
    if (k > 0) kept.push({ ...r.body, wallMs: r.ms, runs });
  }
  kept.sort((a, b) => a.tookMs - b.tookMs);
  return kept[Math.floor((kept.length - 1) / 2)] as Scan;
}

/** Informational: the time to read the regrade's plain input out of D1, which no such regrade can beat. */
export function scanRow(ws: BenchWorkspace, groupBy: GroupBy | null, scan: Scan | null): Row {
  const name = "regrade floor: read its input (bare SELECTs)";
  const target = "floor (no target)";
  if (scan === null) return unavailable(name, target, "the /scan baseline did not run", ws.label);
  const perTable = Object.entries(scan.perTableMs)
    .map(([t, ms]) => `${t} ${ms} ms/${scan.rows[t] ?? 0}`)
    .join(", ");
  return {
    name,
    size: ws.label,
    figure: scan.tookMs,
    unit: "ms",
    baseline: groupBy?.tookMs ?? null,
    baselineName: "GROUP BY",
    ratio: ratioOf(scan.tookMs, groupBy?.tookMs ?? null),
    target,
    status: "info",
    note: `tookMs ${scan.tookMs}, wall ${Math.round(scan.wallMs)} ms, median of ${scan.runs} after a warm-up; ${scan.pages} pages of 2,500 customers, per table ms/rows: ${perTable}`,
  };
}

/**
 * Two full regrades as of the reference day: the first writes every grade, the second finds nothing changed.
 * A dropped connection is repeated by `call` (its note lands in the row); a 503 — `wrangler dev` reloading the worker
 * after a source edit — is retried here once. When a run still fails, the worker's last output is quoted.
 */
export async function measureRegrade(
  appUrl: string,
  ws: BenchWorkspace,
  workerOutput: () => string = () => "",
): Promise<{ first: Regrade; again: Regrade } | string> {
  const runs: Regrade[] = [];
  for (let k = 0, reloaded = false; k < 2; k++) {
    const r = await call<{ graded: number; changed: number; tookMs: number }>(appUrl, "POST", "/api/v1/regrade", {
      token: ws.token,
      json: { asOf: BENCH.refDate },
      timeoutMs: 600_000,
    });
    if (r.status === 503 && !reloaded) {
      reloaded = true;
      k--;
      await new Promise((resolve) => setTimeout(resolve, 5000));
      continue;
    }
    if (r.status !== 200) {
      const tail = workerOutput().trim().split("\n").slice(-5).join(" | ");
      return `POST /api/v1/regrade answered ${describeError(r)}${tail ? ` (worker output: ${tail})` : ""}`;
    }
    const { tookMs, graded, changed } = r.body;
    runs.push({ tookMs, wallMs: r.ms, graded, changed, retried: r.retried && `run ${k + 1}: ${r.retried}` });
  }
  return { first: runs[0] as Regrade, again: runs[1] as Regrade };
}

export function regradeRows(
  ws: BenchWorkspace,
  groupBy: GroupBy | null,
  regrade: { first: Regrade; again: Regrade } | string,
): Row[] {
  const names = ["full regrade (first: writes all)", "full regrade (again: no change)"];
  if (typeof regrade === "string" || groupBy === null) {
    const reason = typeof regrade === "string" ? regrade : "the GROUP BY baseline did not run";
    return names.map((n) => unavailable(n, "≤ 3× GROUP BY", reason, ws.label));
  }
  return (["first", "again"] as const).map((which, k) => {
    const r = regrade[which];
    const ratio = ratioOf(r.tookMs, groupBy.tookMs);
    return {
      name: names[k] as string,
      size: ws.label,
      figure: r.tookMs,
      unit: "ms",
      baseline: groupBy.tookMs,
      baselineName: "GROUP BY",
      ratio,
      target: "≤ 3× GROUP BY",
      status: judge(ratio === null ? false : ratio <= 3),
      note: `tookMs ${r.tookMs}, wall ${Math.round(r.wallMs)} ms; graded ${r.graded}, changed ${r.changed}; GROUP BY ${groupBy.groups} groups, wall ${Math.round(groupBy.wallMs)} ms${r.retried ? `; ${r.retried}` : ""}`,
    };
  });
}
