// Shared set-up of the security tests (issue #8): two workspaces built through the real import API, the route table
// read from the mounted Hono app, and digests of a workspace's rows in D1 to prove a request changed nothing.
import { env } from "cloudflare:workers";
import { app } from "../../worker/src/index";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { call, createTestUser, createTestWorkspace, type TestUser } from "./helpers";

export interface Tenant {
  workspaceId: string;
  admin: TestUser;
  manager: TestUser;
  rep: TestUser;
  /** A second rep: owns `others`, which `rep` must never see. */
  rep2: TestUser;
  /** Customer ids: owned by `rep`, by `rep2`, and by nobody. */
  own: string;
  others: string;
  unowned: string;
  /** External ids of the same three customers. */
  ext: { own: string; others: string; unowned: string };
  /** Contact addresses and domains of `own`, `others` and `unowned` (each probe that creates rows in A uses its own). */
  ownEmail: string;
  ownDomain: string;
  othersEmail: string;
  othersDomain: string;
  unownedEmail: string;
  unownedDomain: string;
  /** Names of the three customers (to look for them in lists and exports). */
  names: { own: string; others: string; unowned: string };
  /** An interaction (client UUID) logged on `others`. */
  interactionId: string;
  /** An interaction on `own`, undone (DELETE /interactions/:id). */
  removedInteractionId: string;
  /** An API token id of rep2. */
  rep2TokenId: string;
}

let seq = 0;

/** A workspace with an admin, a manager, two reps and three customers with contacts, orders, invoices and grades. */
export async function buildTenant(label: string): Promise<Tenant> {
  const n = `${label}${++seq}${Date.now().toString(36)}`;
  const admin = await createTestWorkspace(`Tenant ${n}`);
  const ws = admin.workspaceId;
  const [manager, rep, rep2] = [
    await createTestUser(ws, "manager"),
    await createTestUser(ws, "rep"),
    await createTestUser(ws, "rep"),
  ];
  const ext = { own: `${n}-own`, others: `${n}-others`, unowned: `${n}-unowned` };
  const names = { own: `Own ${n} Ltd`, others: `Others ${n} Ltd`, unowned: `Unowned ${n} Ltd` };
  const [ownDomain, othersDomain, unownedDomain] = ["own", "others", "unowned"].map((k) => `${k}-${n}.example`) as [
    string,
    string,
    string,
  ];
  const [ownEmail, othersEmail, unownedEmail] = [ownDomain, othersDomain, unownedDomain].map((d) => `buyer@${d}`);
  const imp = async (type: string, rows: unknown[]) => {
    const res = await call(admin, "POST", `/api/v1/import/${type}`, rows);
    const body = (await res.json()) as { errors: unknown[] };
    if (res.status !== 200 || body.errors.length) throw new Error(`${type}: ${res.status} ${JSON.stringify(body)}`);
  };
  await imp("customers", [
    { externalId: ext.own, name: names.own, ownerEmail: rep.email, domains: [ownDomain] },
    { externalId: ext.others, name: names.others, ownerEmail: rep2.email, domains: [othersDomain] },
    { externalId: ext.unowned, name: names.unowned, domains: [unownedDomain] },
  ]);
  await imp("contacts", [
    { customerExternalId: ext.own, name: "Own Buyer", email: ownEmail },
    { customerExternalId: ext.others, name: "Others Buyer", email: othersEmail },
    { customerExternalId: ext.unowned, name: "Unowned Buyer", email: unownedEmail },
  ]);
  await imp(
    "orders",
    Object.values(ext).map((c, i) => ({
      externalId: `${c}-o1`,
      customerExternalId: c,
      date: "2026-01-15",
      amount: 1000 * (i + 1),
      cost: 500,
    })),
  );
  await imp("invoices", [
    { externalId: `${ext.others}-i1`, customerExternalId: ext.others, dueDate: "2026-01-01", amount: 300 },
  ]);
  await imp("opportunities", [
    {
      externalId: `${ext.others}-p1`,
      customerExternalId: ext.others,
      name: "Deal",
      stage: "proposal",
      amount: 500,
      expectedClose: "2026-06-01",
    },
  ]);
  const interactionId = crypto.randomUUID();
  const removedInteractionId = crypto.randomUUID();
  await imp("interactions", [
    {
      id: interactionId,
      customerExternalId: ext.others,
      kind: "call",
      occurredAt: "2026-02-01T09:00:00Z",
      summary: "Called",
    },
    {
      id: removedInteractionId,
      customerExternalId: ext.own,
      kind: "email",
      direction: "in",
      occurredAt: "2026-02-03T09:00:00Z",
      summary: "Asked",
    },
  ]);
  const regraded = await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-03-01" });
  if (regraded.status !== 200) throw new Error(`regrade: ${regraded.status}`);
  const list = (await (await call(admin, "GET", "/api/v1/customers?limit=200")).json()) as {
    items: { id: string; name: string }[];
  };
  const idOf = (name: string) => {
    const found = list.items.find((c) => c.name === name);
    if (!found) throw new Error(`no customer ${name}`);
    return found.id;
  };
  const removed = await call(admin, "DELETE", `/api/v1/interactions/${removedInteractionId}`);
  if (removed.status !== 200) throw new Error(`undo: ${removed.status}`);
  const tokens = (await (await call(rep2, "GET", "/api/v1/tokens")).json()) as { items: { id: string }[] };
  return {
    workspaceId: ws,
    admin,
    manager,
    rep,
    rep2,
    own: idOf(names.own),
    others: idOf(names.others),
    unowned: idOf(names.unowned),
    ext,
    ownEmail: ownEmail as string,
    ownDomain,
    othersEmail: othersEmail as string,
    othersDomain,
    unownedEmail: unownedEmail as string,
    unownedDomain,
    names,
    interactionId,
    removedInteractionId,
    rep2TokenId: tokens.items[0]?.id ?? "",
  };
}

let tableList: Promise<string[]> | undefined;

/** Every user table of D1 (no SQLite, D1 or migration bookkeeping); the schema does not change during a test file. */
export function userTables(): Promise<string[]> {
  tableList ??= readTables();
  return tableList;
}

async function readTables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
  ).all<{ name: string }>();
  return results.map((r) => r.name).sort();
}

export async function columnsOf(table: string): Promise<string[]> {
  const { results } = await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}')`).all<{ name: string }>();
  return results.map((r) => r.name);
}

let scoped: Promise<{ table: string; key: string }[]> | undefined;

/** Tables with a workspace key (`workspaces` by id, the others by workspace_id), read once per file. */
function scopedTables() {
  scoped ??= (async () => {
    const out: { table: string; key: string }[] = [];
    for (const table of await userTables()) {
      const cols = await columnsOf(table);
      if (table === "workspaces") out.push({ table, key: "id" });
      else if (cols.includes("workspace_id")) out.push({ table, key: "workspace_id" });
    }
    return out;
  })();
  return scoped;
}

/**
 * A digest per table of every row of one workspace (every column, in a stable order), read in one D1 batch:
 * equal digests before and after a request prove it changed nothing there.
 */
export async function workspaceDigest(workspaceId: string): Promise<Record<string, string>> {
  const tables = await scopedTables();
  const results = await env.DB.batch(
    tables.map(({ table, key }) =>
      env.DB.prepare(`SELECT * FROM "${table}" WHERE "${key}" = ? ORDER BY rowid`).bind(workspaceId),
    ),
  );
  const out: Record<string, string> = {};
  for (const [i, { table }] of tables.entries()) {
    const rows = results[i]?.results ?? [];
    out[table] = `${rows.length}:${await sha256Hex(JSON.stringify(rows))}`;
  }
  return out;
}

/** Row counts of every table, in one D1 batch (for "no partial write" checks). */
export async function rowCounts(exclude: string[] = []): Promise<Record<string, number>> {
  const tables = (await userTables()).filter((t) => !exclude.includes(t));
  const results = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM "${t}"`)));
  return Object.fromEntries(tables.map((t, i) => [t, (results[i]?.results[0] as { n: number } | undefined)?.n ?? -1]));
}

/** "METHOD /path/:param" of every route the worker mounts under `prefix` (middleware-only entries left out). */
export function mountedRoutes(prefix: string): string[] {
  const keys = app.routes
    .filter((r) => r.method !== "ALL" && (r.path === prefix || r.path.startsWith(`${prefix}/`)))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

/** True when a concrete path (`/api/v1/import/orders`) is served by a route pattern (`/api/v1/import/:type`). */
export function patternMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/:[A-Za-z_]+(\{[^}]*\})?/g, "[^/]+")}$`);
  return re.test(path);
}

/** The error shape of every 4xx/5xx answer of the API. */
export function isErrorShape(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const error = (body as { error?: unknown }).error as Record<string, unknown> | undefined;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof error.code === "string" &&
    typeof error.message === "string" &&
    Array.isArray(error.details)
  );
}
