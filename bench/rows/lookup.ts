// Lookup row: POST /api/v1/lookup with 20 addresses vs the bare one-SELECT route, at 1 and 10 connections.
import { type LookupProbe, lookupProbes } from "../generate/probes";
import { BENCH, type BenchWorkspace } from "../generate/workspace";
import { call, describeError } from "../lib/http";
import { type LoadResult, runLoad } from "../lib/load";
import { judge, type Row, ratioOf, unavailable } from "../lib/report";

export interface LoadBudget {
  durationMs: number;
  maxRequests: number;
  warmup: number;
}

/** 1 and 10 connections; `noop` (bare baseline only): GET /health of the same worker, no D1, at 1 connection. */
export type LoadPair = { c1: LoadResult; c10: LoadResult; noop?: LoadResult };

export function probesFor(ws: BenchWorkspace): LookupProbe[] {
  return lookupProbes(ws, BENCH.seed);
}

/** The bare baseline: GET /bare?email= cycling through the 20 probe addresses; and the worker's floor without D1. */
export async function measureBare(baselineUrl: string, ws: BenchWorkspace, budget: LoadBudget): Promise<LoadPair> {
  const emails = probesFor(ws).map((p) => encodeURIComponent(p.email));
  const path = (n: number) => `/bare?size=${ws.label}&email=${emails[n % emails.length]}`;
  const run = (connections: number) => runLoad({ url: `${baselineUrl}/bare`, path, connections, ...budget });
  const noop = await runLoad({
    url: `${baselineUrl}/health`,
    connections: 1,
    ...budget,
    durationMs: budget.durationMs / 2,
  });
  return { c1: await run(1), c10: await run(10), noop };
}

/** The mean of two runs of the same load (the bare baseline before and after the lookup: A-B-A against drift). */
export function averageLoad(a: LoadPair, b: LoadPair): LoadPair & { runs: [LoadPair, LoadPair] } {
  const avg = (x: LoadResult, y: LoadResult): LoadResult => ({
    requests: x.requests + y.requests,
    errors: x.errors + y.errors,
    seconds: x.seconds + y.seconds,
    rps: (x.rps + y.rps) / 2,
    p50: (x.p50 + y.p50) / 2,
    p99: (x.p99 + y.p99) / 2,
    mean: (x.mean + y.mean) / 2,
    sockets: Math.max(x.sockets, y.sockets),
  });
  const noop = a.noop && b.noop ? avg(a.noop, b.noop) : (a.noop ?? b.noop);
  return { c1: avg(a.c1, b.c1), c10: avg(a.c10, b.c10), ...(noop ? { noop } : {}), runs: [a, b] };
}

/** Checks the route answers as the contract says; returns a reason when it cannot be measured. */
export async function checkLookup(appUrl: string, ws: BenchWorkspace): Promise<{ reason?: string; note: string }> {
  const probes = probesFor(ws);
  const r = await call<{ results?: { email: string; match: string | null }[] }>(appUrl, "POST", "/api/v1/lookup", {
    token: ws.token,
    json: { emails: probes.map((p) => p.email) },
  });
  if (r.status !== 200 || !Array.isArray(r.body.results)) {
    return { reason: `POST /api/v1/lookup answered ${describeError(r)} (route not in the worker yet?)`, note: "" };
  }
  let agree = 0;
  r.body.results.forEach((res, k) => {
    if ((res.match ?? "miss") === probes[k]?.expect) agree++;
  });
  const kinds = ["contact", "domain", "miss"].map((e) => `${probes.filter((p) => p.expect === e).length} ${e}`);
  return { note: `20 addresses (${kinds.join(", ")}); ${agree}/20 matched as generated` };
}

export async function measureLookup(appUrl: string, ws: BenchWorkspace, budget: LoadBudget): Promise<LoadPair> {
  const body = JSON.stringify({ emails: probesFor(ws).map((p) => p.email) });
  const run = (connections: number) =>
    runLoad({
      url: `${appUrl}/api/v1/lookup`,
      method: "POST",
      headers: { Authorization: `Bearer ${ws.token}`, "Content-Type": "application/json" },
      body,
      connections,
      ...budget,
    });
  return { c1: await run(1), c10: await run(10) };
}

export function lookupRows(
  size: string,
  bare: (LoadPair & { runs?: [LoadPair, LoadPair] }) | null,
  lookup: LoadPair | string,
  note: string,
): Row[] {
  const names = [
    "lookup 20 addr, 1 conn: req/s",
    "lookup 20 addr, 1 conn: p50",
    "lookup 20 addr, 1 conn: p99",
    "lookup 20 addr, 10 conn: req/s",
    "lookup 20 addr, 10 conn: p99",
  ];
  const targets = ["≥ 0.5× bare", "≤ 5 ms", "≤ 20 ms", "≥ 0.5× bare", "—"];
  if (typeof lookup === "string" || bare === null) {
    const reason = typeof lookup === "string" ? lookup : "the bare baseline did not run";
    return names.map((n, k) => unavailable(n, targets[k] as string, reason, size));
  }
  const base = { size, baselineName: "bare" };
  const rps = (l: LoadResult, b: LoadResult, name: string): Row => {
    const ratio = ratioOf(l.rps, b.rps);
    return {
      ...base,
      name,
      figure: l.rps,
      unit: "req/s",
      baseline: b.rps,
      ratio,
      target: "≥ 0.5× bare",
      status: judge(ratio === null ? false : ratio >= 0.5),
    };
  };
  const ms = (name: string, fig: number, bas: number, limit: number | null, target: string): Row => ({
    ...base,
    name,
    figure: fig,
    unit: "ms",
    baseline: bas,
    ratio: ratioOf(fig, bas),
    target,
    status: judge(limit === null ? null : fig <= limit),
  });
  const errors = lookup.c1.errors + lookup.c10.errors;
  const loads = [lookup.c1, lookup.c10, bare.c1, bare.c10];
  const reopened = loads.some((l, k) => l.sockets > (k % 2 === 0 ? 1 : 10));
  const floor = bare.noop
    ? `; floor: the baseline worker's GET /health (no D1) p50 ${bare.noop.p50.toFixed(2)} ms, ${bare.noop.rps.toFixed(0)} req/s`
    : "";
  return [
    {
      ...rps(lookup.c1, bare.c1, names[0] as string),
      note: `${note}${errors ? `; ${errors} failed requests` : ""}; bare = ${
        bare.runs
          ? `mean of runs before and after the lookup (${bare.runs.map((r) => r.c1.rps.toFixed(0)).join(" and ")} req/s at 1 conn)`
          : "one run before the lookup"
      }`,
    },
    {
      ...ms(names[1] as string, lookup.c1.p50, bare.c1.p50, 5, "≤ 5 ms"),
      note: `bare p50 ${bare.c1.p50.toFixed(2)} ms${floor}${reopened ? "; WARNING: keep-alive connections were reopened" : ""}`,
    },
    ms(names[2] as string, lookup.c1.p99, bare.c1.p99, 20, "≤ 20 ms"),
    rps(lookup.c10, bare.c10, names[3] as string),
    ms(names[4] as string, lookup.c10.p99, bare.c10.p99, null, "—"),
  ];
}
