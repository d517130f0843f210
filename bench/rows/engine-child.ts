// Child process of the engine row: runs bench/engine.ts's runEngineBench for one size (so peak memory is the
// engine's alone), plus a bare Node group-by over the same number of generated customers, and prints JSON.
import { existsSync } from "node:fs";
import { BENCH, benchWorkspace, generateSlice, type SizeLabel } from "../generate/workspace";

const label = process.argv[2] as SizeLabel;
const mode = process.argv[3] ?? "engine";

async function engine(): Promise<unknown> {
  const path = "../engine.ts";
  if (!existsSync(new URL(path, import.meta.url)))
    return { unavailable: "bench/engine.ts (runEngineBench) is not in the repository yet" };
  const mod = (await import(path)) as { runEngineBench?: (sizes: number[]) => unknown };
  if (typeof mod.runEngineBench !== "function")
    return { unavailable: "bench/engine.ts does not export runEngineBench" };
  const n = benchWorkspace(label).customers;
  const started = performance.now();
  const result = await mod.runEngineBench([n]);
  return { wallMs: performance.now() - started, result };
}

/** The baseline: group the same number of customers' orders by customer in a Map, sum and sort (data made first). */
function baseline(): unknown {
  const ws = benchWorkspace(label);
  const rows = generateSlice(ws, BENCH.seed, 0, ws.customers);
  const started = performance.now();
  const totals = new Map<unknown, number>();
  for (const o of rows.orders) totals.set(o[1], (totals.get(o[1]) ?? 0) + Number(o[3]));
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  return { wallMs: performance.now() - started, orders: rows.orders.length, groups: sorted.length };
}

const out = mode === "baseline" ? baseline() : await engine();
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...(out as object), maxRssMB })}\n`);
