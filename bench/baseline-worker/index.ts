// Bench-only Worker: same-runtime baselines for `npm run bench` and the bulk loader of generated workspaces.
// Routes: /health, /bare, /groupby, /scan, /raw-orders, /raw-orders/cleanup, /seed/setup, /seed/rows, /counts.
import { benchWorkspace, SIZES, type SizeLabel } from "../generate/workspace";
import { type Env, json } from "./d1";
import { scanWorkspace } from "./scan";
import { loadEncoded, setupWorkspace } from "./seed";

const RAW_CHUNK = 5_000;

const GROUP_BY =
  "SELECT customer_id, count(*) AS n, sum(amount) AS total FROM orders WHERE workspace_id = ? GROUP BY customer_id";

// The customer is resolved by a scalar subquery so SQLite walks the JSON rows once and probes the index.
const UPSERT_ORDERS = `INSERT INTO orders (workspace_id, external_id, customer_id, date, amount, cost, product, quantity)
SELECT * FROM (SELECT ?1, j.value->>'externalId',
  (SELECT c.id FROM customers AS c WHERE c.workspace_id = ?1 AND c.external_id = j.value->>'customerExternalId') AS cid,
  j.value->>'date', CAST(round((j.value->>'amount') * 100) AS INTEGER),
  CAST(round(coalesce(j.value->>'cost', 0) * 100) AS INTEGER), j.value->>'product', j.value->>'quantity'
FROM json_each(?2) AS j) WHERE cid IS NOT NULL
ON CONFLICT (workspace_id, external_id) DO UPDATE SET customer_id = excluded.customer_id, date = excluded.date,
  amount = excluded.amount, cost = excluded.cost, product = excluded.product, quantity = excluded.quantity`;

async function handle(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  const label = (url.searchParams.get("size") ?? "1k") as SizeLabel;
  if (!(label in SIZES)) return json({ error: "size: one of 1k, 10k, 100k" }, 400);
  const bench = benchWorkspace(label);
  const ws = bench.workspaceId;
  switch (`${request.method} ${url.pathname}`) {
    case "GET /health":
      return json({ ok: true });
    case "GET /bare": {
      // The lookup baseline: one indexed SELECT on contacts(workspace_id, email).
      const email = (url.searchParams.get("email") ?? "").toLowerCase();
      const row = await env.DB.prepare("SELECT customer_id FROM contacts WHERE workspace_id = ? AND email = ?")
        .bind(ws, email)
        .first<{ customer_id: string }>();
      return json({ email, customerId: row?.customer_id ?? null });
    }
    case "GET /groupby": {
      // The regrade baseline: the bare aggregate over every order of the workspace, timed inside the Worker.
      const started = Date.now();
      const { results } = await env.DB.prepare(GROUP_BY).bind(ws).all();
      return json({ groups: results.length, tookMs: Date.now() - started });
    }
    case "GET /scan": {
      // The regrade's floor: every column its loader reads for the engine, plain paged SELECTs (see scan.ts);
      // `&page=N` customers per page (default 2,500).
      const page = Number(url.searchParams.get("page") ?? "") || undefined;
      return json(await scanWorkspace(env.DB, ws, page));
    }
    case "POST /raw-orders": {
      // The import baseline: the same JSON rows upserted in chunks with one INSERT … SELECT per chunk.
      const started = Date.now();
      const rows = (await request.json()) as unknown[];
      let written = 0;
      for (let at = 0; at < rows.length; at += RAW_CHUNK) {
        const chunk = JSON.stringify(rows.slice(at, at + RAW_CHUNK));
        const [result] = (await env.DB.batch([env.DB.prepare(UPSERT_ORDERS).bind(ws, chunk)])) as {
          meta: { changes?: number };
        }[];
        written += result?.meta.changes ?? 0;
      }
      return json({ rows: rows.length, written, tookMs: Date.now() - started });
    }
    case "POST /raw-orders/cleanup": {
      const prefix = url.searchParams.get("prefix") ?? "IMP-";
      const r = await env.DB.prepare("DELETE FROM orders WHERE workspace_id = ? AND external_id LIKE ?")
        .bind(ws, `${prefix}%`)
        .run();
      return json({ deleted: r.meta.changes ?? 0 });
    }
    case "POST /seed/setup":
      await setupWorkspace(env.DB, bench);
      return json({ ok: true, workspaceId: ws });
    case "POST /seed/rows": {
      const started = Date.now();
      const loaded = await loadEncoded(env.DB, ws, await request.text());
      return json({ ...loaded, tookMs: Date.now() - started });
    }
    case "GET /counts": {
      const tables = [
        "customers",
        "contacts",
        "customer_domains",
        "orders",
        "invoices",
        "interactions",
        "opportunities",
        "grades",
      ];
      const out: Record<string, number> = {};
      for (const t of tables) {
        const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${t} WHERE workspace_id = ?`)
          .bind(ws)
          .first<{ n: number }>();
        out[t] = row?.n ?? 0;
      }
      return json(out);
    }
    default:
      return json({ error: "no such route" }, 404);
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    try {
      return await handle(request, env);
    } catch (err) {
      return json({ error: String(err instanceof Error ? (err.stack ?? err.message) : err) }, 500);
    }
  },
};
