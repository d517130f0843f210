// Fuzzed input (issue #8 §8): fast-check sends random and near-valid JSON bodies, raw bytes, query strings, headers
// and CSV files to every mounted /api/v1 route. Every answer is below 500, every 4xx has the one error shape, and a
// rejected request writes nothing (row counts of every table unchanged; items refused inside a batch are not stored).
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { customerListQuerySchema } from "../../shared/contract/customers";
import { IMPORT_TYPES } from "../../shared/contract/import";
import { csvColumns } from "../../shared/contract/import-csv";
import { call, createTestUser } from "./helpers";
import { buildTenant, isErrorShape, mountedRoutes, rowCounts, type Tenant } from "./security-world";

vi.setConfig({ testTimeout: 120_000 });
/** Runs per property, sized for `npm test`; raise it locally to dig deeper (the workerd runtime sees no env vars). */
const RUNS = 20;
/** Set to a failure's reported seed to replay it. */
const SEED: number | undefined = undefined;
/** Throttle rows are what a failed pairing attempt must write; they are not data. */
const NOT_DATA = ["auth_throttles"];

let t: Tenant;
let fuzzUserId: string;
const tally = { cases: 0, requests: 0, byStatus: {} as Record<number, number> };

beforeAll(async () => {
  t = await buildTenant("fuzz");
  fuzzUserId = (await createTestUser(t.workspaceId, "rep")).userId;
});

afterAll(() => {
  console.log(`fuzz: ${tally.cases} cases, ${tally.requests} requests, statuses ${JSON.stringify(tally.byStatus)}`);
});

// ---------- nasty values ----------

const deep = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "\uFEFF",
    "\u0000",
    "\uD800",
    '"',
    "'; DROP TABLE customers; --",
    "%",
    "_",
    "\\",
    "../../etc/passwd",
    '=HYPERLINK("http://evil")',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "1e309",
    "-0",
    "NaN",
    "Infinity",
    "2026-02-30",
    "2026-13-01T25:61:00Z",
    "9999-12-31",
    "0000-00-00",
    "a@b",
    "@example.com",
    "x@free.example\u0000.com",
  ),
  fc.integer({ min: 1000, max: 120_000 }).map((n) => "x".repeat(n)),
);
const nastyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 0.1 + 0.2, 1e-320, 1.2345678901234568e29),
);
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(nastyString, { maxLength: 60 }),
  fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.integer({ min: 50, max: 3000 }).map((d) => deep(d, "x")),
);

/** Replaces (or deletes, or adds) one value somewhere in a template with a nasty one. */
function mutate(template: unknown, pick: number, value: unknown, action: number): unknown {
  const copy = structuredClone(template) as Record<string, unknown> | unknown[];
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) {
        slots.push({ parent: node, key: i });
        walk(v);
      }
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        slots.push({ parent: node as Record<string, unknown>, key: k });
        walk(v);
      }
    }
  };
  walk(copy);
  if (slots.length === 0) return value;
  const slot = slots[pick % slots.length] as (typeof slots)[number];
  if (action === 0 && !Array.isArray(slot.parent)) delete (slot.parent as Record<string, unknown>)[slot.key as string];
  else if (action === 1 && !Array.isArray(slot.parent))
    (slot.parent as Record<string, unknown>)[`extra${pick}`] = value;
  else (slot.parent as Record<string, unknown>)[slot.key as string] = value;
  return copy;
}

// ---------- what each route is sent ----------

const uuid = () => crypto.randomUUID();
const logItem = () => ({
  id: uuid(),
  customerId: t.own,
  kind: "call",
  occurredAt: "2026-02-01T10:00:00Z",
  summary: "fuzz",
  sourceUrl: "https://mail.example/x",
  sourceTitle: "t",
});
const IMPORT_TEMPLATES: Record<string, () => unknown[]> = {
  customers: () => [
    {
      externalId: "F1",
      name: "Fuzz",
      domains: ["fuzz.example"],
      ratings: { a: "b" },
      attributes: { k: 1 },
      creditLimit: 10,
    },
  ],
  contacts: () => [{ customerExternalId: t.ext.own, name: "C", email: "c@fuzz.example", phone: "1", role: "buyer" }],
  orders: () => [
    {
      externalId: "FO",
      customerExternalId: t.ext.own,
      date: "2026-01-01",
      amount: 10.5,
      cost: 1,
      product: "p",
      quantity: 1,
    },
  ],
  invoices: () => [
    {
      externalId: "FI",
      customerExternalId: t.ext.own,
      dueDate: "2026-01-01",
      amount: 10,
      paidDate: null,
      paidAmount: null,
    },
  ],
  opportunities: () => [
    {
      externalId: "FP",
      customerExternalId: t.ext.own,
      name: "O",
      stage: "proposal",
      amount: 1,
      expectedClose: null,
      probability: 10,
    },
  ],
  interactions: () => [
    { id: uuid(), customerExternalId: t.ext.own, kind: "call", occurredAt: "2026-01-01", summary: "s" },
  ],
};

interface Target {
  method: string;
  path: () => string;
  /** A valid body to mutate; undefined for routes without one. */
  template?: () => unknown;
  /** Send no operator/API token (public routes) — or the operator token for /workspaces. */
  auth?: "operator" | "none";
}

/** Per mounted route: how to reach it. A mounted route without an entry fails the coverage test. */
const TARGETS: Record<string, Target[]> = {
  "POST /api/v1/workspaces": [
    {
      method: "POST",
      path: () => "/api/v1/workspaces",
      auth: "operator",
      template: () => ({ name: "W", admin: { email: "not an address", name: "A", password: "short" } }),
    },
  ],
  "POST /api/v1/pair": [
    { method: "POST", path: () => "/api/v1/pair", auth: "none", template: () => ({ code: "ABCDE-FGHJK" }) },
  ],
  "POST /api/v1/pairing-codes": [{ method: "POST", path: () => "/api/v1/pairing-codes" }],
  "GET /api/v1/me": [{ method: "GET", path: () => "/api/v1/me" }],
  "GET /api/v1/tokens": [{ method: "GET", path: () => "/api/v1/tokens" }],
  "POST /api/v1/tokens": [{ method: "POST", path: () => "/api/v1/tokens", template: () => ({ name: "n" }) }],
  "DELETE /api/v1/tokens/:id": [{ method: "DELETE", path: () => `/api/v1/tokens/${uuid()}` }],
  "GET /api/v1/users": [{ method: "GET", path: () => "/api/v1/users" }],
  "POST /api/v1/users": [
    {
      method: "POST",
      path: () => "/api/v1/users",
      template: () => ({ email: "not-an-address", name: "U", role: "rep" }),
    },
  ],
  "PATCH /api/v1/users/:id": [
    {
      method: "PATCH",
      path: () => `/api/v1/users/${fuzzUserId}`,
      template: () => ({ name: "U", role: "rep", disabled: false }),
    },
  ],
  "POST /api/v1/import/:type": IMPORT_TYPES.map((type) => ({
    method: "POST",
    path: () => `/api/v1/import/${type}`,
    template: IMPORT_TEMPLATES[type],
  })),
  "POST /api/v1/regrade": [{ method: "POST", path: () => "/api/v1/regrade", template: () => ({ asOf: "2026-03-01" }) }],
  "GET /api/v1/customers": [{ method: "GET", path: () => "/api/v1/customers" }],
  "GET /api/v1/customers/:id": [{ method: "GET", path: () => `/api/v1/customers/${t.own}` }],
  "PATCH /api/v1/customers/:id": [
    {
      method: "PATCH",
      path: () => `/api/v1/customers/${t.own}`,
      template: () => ({
        legalVerified: true,
        creditLimit: 100,
        wallet: 5,
        ratings: { a: "b" },
        attributes: { k: 1 },
        ownerId: null,
      }),
    },
  ],
  "POST /api/v1/lookup": [
    { method: "POST", path: () => "/api/v1/lookup", template: () => ({ emails: [t.othersEmail, "a@fuzz.example"] }) },
  ],
  "GET /api/v1/export/:type": [
    { method: "GET", path: () => "/api/v1/export/customers" },
    { method: "GET", path: () => "/api/v1/export/grades" },
  ],
  "POST /api/v1/interactions": [{ method: "POST", path: () => "/api/v1/interactions", template: logItem }],
  "POST /api/v1/interactions/batch": [
    { method: "POST", path: () => "/api/v1/interactions/batch", template: () => ({ items: [logItem(), logItem()] }) },
  ],
  "DELETE /api/v1/interactions/:id": [
    { method: "DELETE", path: () => `/api/v1/interactions/${uuid()}` },
    { method: "DELETE", path: () => `/api/v1/interactions/${t.interactionId}` },
  ],
  "POST /api/v1/interactions/:id/restore": [
    { method: "POST", path: () => `/api/v1/interactions/${t.interactionId}/restore` },
  ],
  "GET /api/v1/openapi.json": [{ method: "GET", path: () => "/api/v1/openapi.json", auth: "none" }],
  "GET /api/v1/docs": [{ method: "GET", path: () => "/api/v1/docs", auth: "none" }],
  "GET /api/v1/reference": [{ method: "GET", path: () => "/api/v1/reference", auth: "none" }],
};

// ---------- one request, checked ----------

async function check(
  target: Target,
  init: { body?: string | Uint8Array; query?: string; headers?: Record<string, string> },
) {
  const before = await rowCounts(NOT_DATA);
  const headers: Record<string, string> = {
    "CF-Connecting-IP": `10.77.${tally.requests % 250}.${tally.requests % 7}`,
    ...init.headers,
  };
  if (target.auth === "operator") headers.Authorization ??= "Bearer test-operator-token";
  const path = target.path() + (init.query ? `?${init.query}` : "");
  const body = target.method === "GET" ? undefined : (init.body as string | undefined);
  const res = await call(target.auth ? null : t.admin, target.method, path, body, headers);
  tally.requests++;
  tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
  const text = await res.text();
  const where = `${target.method} ${path.slice(0, 120)} → ${res.status}: ${text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    expect(isErrorShape(parsed), where).toBe(true);
    expect(await rowCounts(NOT_DATA), `partial write: ${where}`).toEqual(before);
  }
  if (res.status === 200 && path.startsWith("/api/v1/interactions/batch")) {
    const { results } = JSON.parse(text) as { results: { id: string | null; status: number }[] };
    for (const r of results) {
      if ((r.status === 400 || r.status === 404) && typeof r.id === "string") {
        const row = await env.DB.prepare("SELECT count(*) AS n FROM interactions WHERE workspace_id = ? AND id = ?")
          .bind(t.workspaceId, r.id)
          .first<{ n: number }>();
        expect(row?.n, `refused batch item stored: ${where}`).toBe(0);
      }
    }
  }
  if (res.status === 200 && path.startsWith("/api/v1/import/")) {
    const body = JSON.parse(text) as { created: number; updated: number; errors: unknown[] };
    if (body.created + body.updated === 0) {
      const after = await rowCounts([...NOT_DATA, "audit_log"]);
      const { audit_log: _, ...was } = before;
      expect(after, `rows written by an import that wrote nothing: ${where}`).toEqual(was);
    }
  }
}

const params = () => ({ numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true });
const CONTENT_TYPES = [
  "application/json",
  "text/csv",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "",
  "*/*",
];
/** Every parameter the customer list takes (from its contract, so a new one is fuzzed too), and the others'. */
const QUERY_KEYS = [...Object.keys(customerListQuerySchema.shape), "dryRun", "asOf"];

describe("fuzzed input", () => {
  it("has a fuzz target for every mounted /api/v1 route", () => {
    expect(mountedRoutes("/api/v1").filter((r) => !TARGETS[r])).toEqual([]);
  });

  const mounted = new Set(mountedRoutes("/api/v1"));
  for (const [route, targets] of Object.entries(TARGETS)) {
    if (!mounted.has(route)) continue;
    it(`${route}: random and near-valid JSON, raw bytes, queries and headers → < 500, error shape, no partial write`, async () => {
      for (const target of targets) {
        const body = fc.oneof(
          target.template
            ? fc
                .tuple(fc.nat(), nasty, fc.nat({ max: 4 }))
                .map(([p, v, a]) => JSON.stringify(mutate((target.template as () => unknown)(), p, v, a)))
            : fc.constant(undefined),
          nasty.map((v) => JSON.stringify(v)),
          fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b)),
          fc.string({ maxLength: 200 }).map((s) => `\uFEFF${s}`),
          fc.constantFrom(
            "{",
            "[",
            '{"a":',
            "null",
            "",
            "[]",
            "{}",
            '{"__proto__":{"x":1}}',
            "[".repeat(5000),
            '{"asOf":1e999}',
            '[{"amount":123456789012345678901234567890}]',
            '{"items":[-0]}',
          ),
        );
        const query = fc
          .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), nastyString), { maxLength: 4 })
          .map((pairs) =>
            pairs
              .map(([k, v]) => `${k}=${encodeURIComponent(v.slice(0, 2000).replace(/[\uD800-\uDFFF]/g, "\uFFFD"))}`)
              .join("&"),
          );
        const headers = fc.record(
          {
            "Content-Type": fc.constantFrom(...CONTENT_TYPES),
            "If-None-Match": fc.oneof(fc.string({ maxLength: 60 }), fc.constant("*")),
            Authorization: fc.oneof(
              fc.constant("Bearer tl_guess"),
              fc.constant("Basic Zm9vOmJhcg=="),
              fc.string({ maxLength: 60 }).map((s) => `Bearer ${s.replace(/[\r\n]/g, "")}`),
            ),
          },
          { requiredKeys: [] },
        );
        await fc.assert(
          fc.asyncProperty(body, query, headers, async (b, q, h) => {
            tally.cases++;
            const safe = Object.fromEntries(Object.entries(h).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v)));
            await check(target, { body: b, query: q, headers: { "Content-Type": "application/json", ...safe } });
          }),
          params(),
        );
      }
    });
  }

  it("random CSV files (BOMs, quotes, line breaks, formulas, huge numbers, wrong columns) to every import", async () => {
    const cell = fc.oneof(
      nastyString.map((s) => s.slice(0, 300)),
      fc.constantFrom(
        '"',
        '""',
        '"a,b"',
        "a\nb",
        "\r\n",
        ",",
        ";",
        "=1+1",
        "99999999999999999999999999",
        "1,5",
        "1.005",
        "-1",
        t.ext.own,
      ),
    );
    for (const type of IMPORT_TYPES) {
      const columns = csvColumns(type);
      const csv = fc.oneof(
        fc
          .tuple(
            fc.shuffledSubarray([...columns, "bogus", "Name", " external_id "], { minLength: 1 }),
            fc.array(fc.array(cell, { minLength: 1, maxLength: 12 }), { maxLength: 6 }),
            fc.boolean(),
            fc.constantFrom("\n", "\r\n", "\r"),
          )
          .map(([head, rows, bom, eol]) => {
            const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
            return (bom ? "\uFEFF" : "") + [head.join(","), ...rows.map((r) => r.map(quote).join(","))].join(eol);
          }),
        fc.uint8Array({ maxLength: 400 }).map((b) => new TextDecoder("latin1").decode(b)),
        fc.constantFrom(
          "",
          "\uFEFF",
          columns.join(","),
          `${columns.join(",")}\n${'"'.repeat(7)}`,
          `${"a,".repeat(5000)}\n`,
        ),
      );
      await fc.assert(
        fc.asyncProperty(csv, fc.boolean(), async (text, dry) => {
          tally.cases++;
          await check(
            { method: "POST", path: () => `/api/v1/import/${type}${dry ? "?dryRun=true" : ""}` },
            { body: text, headers: { "Content-Type": "text/csv; charset=utf-8" } },
          );
        }),
        params(),
      );
    }
  });

  it("a dry run never writes, whatever it is sent", async () => {
    for (const type of IMPORT_TYPES) {
      const before = await rowCounts([...NOT_DATA, "audit_log"]);
      const template = IMPORT_TEMPLATES[type] as () => unknown[];
      await fc.assert(
        fc.asyncProperty(fc.tuple(fc.nat(), nasty, fc.nat({ max: 4 })), async ([p, v, a]) => {
          tally.cases++;
          const rows = [...template(), mutate(template()[0], p, v, a)];
          const res = await call(t.admin, "POST", `/api/v1/import/${type}?dryRun=true`, rows);
          tally.requests++;
          expect(res.status).toBeLessThan(500);
        }),
        params(),
      );
      expect(await rowCounts([...NOT_DATA, "audit_log"])).toEqual(before);
    }
  });
});
