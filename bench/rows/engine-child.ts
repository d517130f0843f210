// Child process of the engine row: runs bench/engine.ts's runEngineBench for one size (so peak memory is the
// engine's alone; mode "cold": without the warm-up grading), or (mode "baseline") a bare Node group-by over the same generated records; prints JSON.
import { existsSync } from "node:fs";
import { BENCH, benchWorkspace, generateSlice, type SizeLabel } from "../generate/workspace";

/** The engine engineer's bench module, imported by a variable path so this file type-checks without it. */
const ENGINE = "../engine.ts";

interface EngineModule {
  runEngineBench?: (sizes: number[], options?: { warmup?: boolean }) => unknown;
  generateWorkspace?: (n: number) => { orders: { customerId: string; amount: number }[] };
}

const label = process.argv[2] as SizeLabel;
const mode = process.argv[3] ?? "engine";

async function load(): Promise<EngineModule | null> {
  return existsSync(new URL(ENGINE, import.meta.url)) ? ((await import(ENGINE)) as EngineModule) : null;
}

async function engine(warmup: boolean): Promise<unknown> {
  const mod = await load();
  if (!mod) return { unavailable: "bench/engine.ts (runEngineBench) is not in the repository yet" };
  if (typeof mod.runEngineBench !== "function")
    return { unavailable: "bench/engine.ts does not export runEngineBench" };
  const started = performance.now();
  const result = await mod.runEngineBench([benchWorkspace(label).customers], { warmup });
  return { wallMs: performance.now() - started, result };
}

/** The baseline: a bare pass over the same records — group the orders by customer in a Map, sum, sort. */
async function baseline(): Promise<unknown> {
  const n = benchWorkspace(label).customers;
  const mod = await load();
  const orders = mod?.generateWorkspace
    ? mod.generateWorkspace(n).orders
    : generateSlice(benchWorkspace(label), BENCH.seed, 0, n).orders.map((o) => ({
        customerId: String(o[1]),
        amount: Number(o[3]),
      }));
  const started = performance.now();
  const totals = new Map<string, number>();
  for (const o of orders) totals.set(o.customerId, (totals.get(o.customerId) ?? 0) + o.amount);
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  return { wallMs: performance.now() - started, orders: orders.length, groups: sorted.length };
}

const out = mode === "baseline" ? await baseline() : await engine(mode !== "cold");
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...(out as object), maxRssMB })}\n`);
