// Seeds generated workspaces into a fresh state folder through the baseline worker (inside workerd).
import { BENCH, SIZES, type SizeLabel } from "../generate/workspace";

/** Customers per request: each slice is generated and written in one transaction inside the worker. */
const SLICE = 5_000;

export interface SeedResult {
  label: SizeLabel;
  seconds: number;
  counts: Record<string, number>;
}

async function post(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: "POST", signal: AbortSignal.timeout(300_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url} → ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Creates the workspace of `label` and loads all its customers; returns the row counts and the load time. */
export async function seedWorkspace(baselineUrl: string, label: SizeLabel): Promise<SeedResult> {
  const started = performance.now();
  await post(`${baselineUrl}/seed/setup?size=${label}`);
  const total = SIZES[label];
  for (let from = 0; from < total; from += SLICE) {
    const to = Math.min(total, from + SLICE);
    await post(`${baselineUrl}/seed/slice?size=${label}&seed=${BENCH.seed}&from=${from}&to=${to}`);
  }
  const counts = (await (await fetch(`${baselineUrl}/counts?size=${label}`)).json()) as Record<string, number>;
  return { label, seconds: (performance.now() - started) / 1000, counts };
}
