// `npm run bench`: seeds its own workspaces, starts its own workers, measures every row against a same-run
// baseline, stops everything it started, prints the table and writes bench/results.json. See bench/README.md.
import { mkdir, rm } from "node:fs/promises";
import { applyLocalMigrations } from "../scripts/lib/worker-process";
import { benchWorkspace, type SizeLabel } from "./generate/workspace";
import { installSignalHandlers, stopAll } from "./lib/cleanup";
import { machine } from "./lib/machine";
import { formatTable, type Row, unavailable, writeResults } from "./lib/report";
import { seedWorkspace } from "./lib/seed";
import { reapStale } from "./lib/stale";
import { APP_CONFIG, BASELINE_CONFIG, type Runtime, snapshot, startSnapshot } from "./lib/workers";
import { engineRows, measureEngine } from "./rows/engine";
import { buildExtension, measureExtension } from "./rows/extension";
import { growthRows } from "./rows/growth";
import { IMPORT_ROWS, importRow, measureImport, measureRawInsert, type Timing } from "./rows/import";
import {
  averageLoad,
  checkLookup,
  type LoadBudget,
  type LoadPair,
  lookupRows,
  measureBare,
  measureLookup,
} from "./rows/lookup";
import {
  type GroupBy,
  measureGroupBy,
  measureRegrade,
  measureScan,
  type Regrade,
  regradeRows,
  type Scan,
  scanRow,
} from "./rows/regrade";

const STATE = "bench/data/state";
const RESULTS = "bench/results.json";

function parseArgs(argv: string[]) {
  const quick = argv.includes("--quick");
  const sizesArg = argv.find((a) => a.startsWith("--sizes="))?.slice("--sizes=".length);
  const sizes = (sizesArg ? sizesArg.split(",") : quick ? ["10k"] : ["1k", "10k", "100k"]) as SizeLabel[];
  return {
    quick,
    sizes,
    keep: argv.includes("--keep"),
    noBuild: argv.includes("--no-build"),
    /** Run the workers under `wrangler dev` (its proxy worker in front) instead of straight on workerd. */
    runtime: (argv.includes("--wrangler-dev") ? "wrangler-dev" : "workerd") as Runtime,
    skip: new Set(argv.filter((a) => a.startsWith("--skip-")).map((a) => a.slice(7))),
  };
}

function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]?.slice(0, 300) ?? "";
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  installSignalHandlers();
  const started = Date.now();
  const workspaces = args.sizes.map(benchWorkspace);
  const main = workspaces[workspaces.length - 1];
  if (!main) throw new Error("no size to run");
  const budget: LoadBudget = args.quick
    ? { durationMs: 2_500, maxRequests: 10_000, warmup: 100 }
    : { durationMs: 8_000, maxRequests: 30_000, warmup: 200 };
  const seeded: Record<string, number> = {};
  const groupBy = new Map<string, GroupBy>();
  const scan = new Map<string, Scan>();
  const regrade = new Map<string, { first: Regrade; again: Regrade } | string>();
  let bare: LoadPair | null = null;
  let lookup: LoadPair | string = "not measured";
  let lookupNote = "";
  let raw: Timing | null = null;
  let imported: Timing | string = "not measured";
  let ext: Row[] | null = null;
  const failures: string[] = [];

  /** Runs one measurement; a failure becomes a note in the table instead of ending the run. */
  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      failures.push(`${what}: ${errorText(err)}`);
      log(`${what} failed: ${errorText(err)}`);
      return undefined;
    }
  };

  await mkdir("bench/data", { recursive: true });
  const reaped = reapStale();
  if (reaped > 0) log(`stopped ${reaped} worker(s) left running by an earlier run that was killed`);
  await rm(STATE, { recursive: true, force: true });
  log(`sizes ${args.sizes.join(", ")}; state in ${STATE}; workers on ${args.runtime}`);
  await applyLocalMigrations(STATE);
  const [appBundle, baselineBundle] = await Promise.all([
    step("app worker build", () => snapshot(APP_CONFIG, "bench/data/build/app")),
    snapshot(BASELINE_CONFIG, "bench/data/build/baseline"), // without it nothing can be seeded: a hard error
  ]);
  const startBaselineWorker = (state: string) =>
    startSnapshot(BASELINE_CONFIG, baselineBundle, state, {}, args.runtime);
  const startAppWorker = (state: string) => {
    if (!appBundle) throw new Error("the app worker did not build (see phase errors)");
    return startSnapshot(APP_CONFIG, appBundle, state, { OPERATOR_TOKEN: "bench-operator-local-only" }, args.runtime);
  };
  if (!args.skip.has("extension")) await step("extension build", () => buildExtension(args.noBuild, log));

  // Phase A: the baseline worker seeds the workspaces and measures the baselines (alone on the SQLite file).
  const baseline = await startBaselineWorker(STATE);
  try {
    for (const ws of workspaces) {
      const s = await seedWorkspace(baseline.url, ws.label);
      seeded[ws.label] = s.seconds;
      log(`seeded ${ws.label} in ${s.seconds.toFixed(1)} s: ${JSON.stringify(s.counts)}`);
    }
    for (const ws of workspaces) {
      const g = await step(`GROUP BY ${ws.label}`, () => measureGroupBy(baseline.url, ws));
      if (g) groupBy.set(ws.label, g);
    }
    log(`GROUP BY: ${[...groupBy].map(([k, v]) => `${k} ${v.tookMs} ms`).join(", ")}`);
    for (const ws of workspaces) {
      // The regrade's floor: its input read with bare SELECTs (≈ 7 s a run at 100k, so one run there after the warm-up).
      const s = await step(`scan ${ws.label}`, () => measureScan(baseline.url, ws, ws.customers >= 100_000 ? 1 : 3));
      if (s) scan.set(ws.label, s);
    }
    log(`scan: ${[...scan].map(([k, v]) => `${k} ${v.tookMs} ms`).join(", ")}`);
    if (!args.skip.has("lookup"))
      bare = (await step("bare SELECT", () => measureBare(baseline.url, main, budget))) ?? null;
    if (bare) log(`bare: ${bare.c1.rps.toFixed(0)} req/s @1, ${bare.c10.rps.toFixed(0)} req/s @10`);
    if (!args.skip.has("import")) raw = (await step("raw insert", () => measureRawInsert(baseline.url, main))) ?? null;
    if (raw) log(`raw insert of ${IMPORT_ROWS} orders: ${raw.wallMs.toFixed(0)} ms`);
  } finally {
    await baseline.stop();
  }

  // Phase B: the app worker on the same state.
  const app = await step("app worker start", () => startAppWorker(STATE));
  const appMissing = "the app worker did not build or start (see phase errors)";
  if (!app) {
    lookup = appMissing;
    imported = appMissing;
    for (const ws of workspaces) regrade.set(ws.label, appMissing);
    ext = [unavailable("extension rows", "≤ 20 KB gz; ≤ 100 ms cached; p50 ≤ 300 ms", appMissing)];
  } else {
    try {
      for (const ws of workspaces) {
        const r = await step(`regrade ${ws.label}`, () => measureRegrade(app.url, ws, () => app.tail().output));
        regrade.set(ws.label, r ?? "failed (see phase errors)");
        log(`regrade ${ws.label}: ${JSON.stringify(r)}`);
      }
      const check = args.skip.has("lookup") ? undefined : await step("lookup check", () => checkLookup(app.url, main));
      lookupNote = check?.note ?? "";
      if (check?.reason) lookup = check.reason;
      else if (check) {
        const l = await step("lookup", () => measureLookup(app.url, main, budget));
        if (l) {
          lookup = l;
          log(
            `lookup: ${l.c1.rps.toFixed(0)} req/s @1 (p99 ${l.c1.p99.toFixed(1)} ms), ${l.c10.rps.toFixed(0)} req/s @10`,
          );
        }
      }
      if (!args.skip.has("extension"))
        ext = (await step("extension", () => measureExtension(app.url, main, log, args.quick ? 2 : 3))) ?? null;
      if (!args.skip.has("import"))
        imported = (await step("import", () => measureImport(app.url, main))) ?? "failed (see phase errors)";
      log(`import: ${typeof imported === "string" ? imported : `${imported.wallMs.toFixed(0)} ms`}`);
    } finally {
      await app.stop();
    }
  }

  // Phase A again: the bare baseline after the lookup too, so slow drift of a shared machine averages out (A-B-A).
  if (bare && typeof lookup !== "string") {
    const again = await startBaselineWorker(STATE);
    try {
      const second = await step("bare SELECT (after)", () => measureBare(again.url, main, budget));
      if (second) {
        log(`bare again: ${second.c1.rps.toFixed(0)} req/s @1, ${second.c10.rps.toFixed(0)} req/s @10`);
        bare = averageLoad(bare, second);
      }
    } finally {
      await again.stop();
    }
  }

  // Phase C: the scoring engine alone in Node (its own process per size, for peak memory).
  const engine = args.skip.has("engine") ? null : await measureEngine(args.sizes, log);

  const rows: Row[] = [
    ...lookupRows(main.label, bare, lookup, lookupNote),
    ...workspaces.flatMap((ws) => [
      ...regradeRows(ws, groupBy.get(ws.label) ?? null, regrade.get(ws.label) ?? "not measured"),
      scanRow(ws, groupBy.get(ws.label) ?? null, scan.get(ws.label) ?? null),
    ]),
    ...(engine ? engineRows(engine) : [unavailable("scoring engine", "≤ 2 s, ≤ 1 GB", "skipped (--skip-engine)")]),
    importRow(main, raw, imported),
    ...(ext ?? [unavailable("extension rows", "see issue #6", "skipped (--skip-extension)")]),
    ...growthRows(
      "full regrade",
      "GROUP BY",
      workspaces.flatMap((ws) => {
        const r = regrade.get(ws.label);
        const g = groupBy.get(ws.label);
        return r && typeof r !== "string"
          ? [{ size: ws.label, figure: r.first.tookMs, baseline: g?.tookMs ?? null }]
          : [];
      }),
      args.quick ? "quick run: one size" : undefined,
    ),
    ...(engine
      ? growthRows("scoring engine", "Node group-by", engine.growth, args.quick ? "quick run: one size" : undefined)
      : []),
  ];
  for (const f of failures) rows.push(unavailable("phase error", "—", f));

  const table = formatTable(rows);
  const meta = {
    command: `npm run bench${args.quick ? " -- --quick" : ""}`,
    runtime: args.runtime,
    sizes: args.sizes,
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    seedSeconds: seeded,
    machine: machine(),
  };
  await writeResults(RESULTS, { ...meta, table }, rows);
  console.log(table);
  console.log(
    `\n${Object.entries(meta.machine)
      .map(([k, v]) => `${k} ${v}`)
      .join(" · ")} · workers on ${args.runtime} · ${meta.seconds} s · written to ${RESULTS}`,
  );
  if (!args.keep) await rm(STATE, { recursive: true, force: true });
}

main()
  .catch((err) => {
    console.error("bench failed:", err);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
