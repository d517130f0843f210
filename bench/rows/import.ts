// Import row: 50,000 orders through POST /api/v1/import/orders (JSON) vs a raw batched upsert of the same rows.
import { importOrders } from "../generate/probes";
import { BENCH, type BenchWorkspace } from "../generate/workspace";
import { call, describeError } from "../lib/http";
import { type Row, ratioOf, unavailable } from "../lib/report";

export const IMPORT_ROWS = 50_000;

export interface Timing {
  wallMs: number;
  detail: string;
}

function rowsFor(ws: BenchWorkspace, prefix = "IMP-") {
  return importOrders(BENCH.seed, ws.customers, IMPORT_ROWS, prefix);
}

/** The baseline (inside the baseline worker), then removes the rows so the API import creates them anew. */
export async function measureRawInsert(baselineUrl: string, ws: BenchWorkspace): Promise<Timing> {
  const r = await call<{ written: number; tookMs: number }>(baselineUrl, "POST", `/raw-orders?size=${ws.label}`, {
    json: rowsFor(ws),
    timeoutMs: 120_000,
  });
  if (r.status !== 200) throw new Error(`baseline /raw-orders answered ${describeError(r)}`);
  const cleanup = await call(baselineUrl, "POST", `/raw-orders/cleanup?size=${ws.label}&prefix=IMP-`);
  if (cleanup.status !== 200) throw new Error(`baseline cleanup answered ${describeError(cleanup)}`);
  return { wallMs: r.ms, detail: `raw: ${r.body.written} rows written, ${r.body.tookMs} ms inside the Worker` };
}

export async function measureImport(appUrl: string, ws: BenchWorkspace): Promise<Timing | string> {
  let retried = "";
  for (const prefix of ["IMP-", "IMP2-"]) {
    const r = await call<{ created: number; updated: number; unchanged: number; errors: unknown[] }>(
      appUrl,
      "POST",
      "/api/v1/import/orders",
      { token: ws.token, json: rowsFor(ws, prefix), timeoutMs: 600_000 },
    );
    if (r.status === 503 && !retried) {
      // wrangler dev restarted the worker mid-request (a source edit in the shared tree): once more, with new
      // external ids so every row is created again whatever the interrupted request wrote.
      retried = " (second try: wrangler dev restarted the worker during the first)";
      await new Promise((resolve) => setTimeout(resolve, 5000));
      continue;
    }
    if (r.status !== 200 && r.status !== 201) return `POST /api/v1/import/orders answered ${describeError(r)}`;
    const b = r.body;
    return {
      wallMs: r.ms,
      detail: `API: created ${b.created}, updated ${b.updated}, unchanged ${b.unchanged}, errors ${b.errors?.length ?? "?"}${retried}`,
    };
  }
  return "POST /api/v1/import/orders: the worker restarted twice";
}

export function importRow(ws: BenchWorkspace, raw: Timing | null, api: Timing | string): Row {
  const name = "import 50,000 orders (JSON)";
  if (typeof api === "string" || raw === null) {
    return unavailable(
      name,
      "reported",
      typeof api === "string" ? api : "the raw insert baseline did not run",
      ws.label,
    );
  }
  return {
    name,
    size: ws.label,
    figure: api.wallMs,
    unit: "ms",
    baseline: raw.wallMs,
    baselineName: "raw insert",
    ratio: ratioOf(api.wallMs, raw.wallMs),
    target: "reported",
    status: "info",
    note: `${api.detail}; ${raw.detail} (both wall times include sending the 50,000-row body)`,
  };
}
