// Role matrix of the API (issue #8 §2): admin, manager and rep × every mounted /api/v1 route → the status the roles
// of issue #4 call for, cross-checked with the roles the OpenAPI registry declares; a rep never sees another rep's
// customers (list, detail, lookup, export) and cannot import, regrade or manage users.
import { beforeAll, describe, expect, it } from "vitest";
import { listRoutes } from "../../shared/contract/openapi";
import * as schema from "../../worker/src/db/schema";
import { issueApiToken } from "../../worker/src/services/tokens";
import { call, createTestUser, db, type TestUser } from "./helpers";
import { buildTenant, mountedRoutes, patternMatches, type Tenant } from "./security-world";

type Role = "admin" | "manager" | "rep";
const ROLES: Role[] = ["admin", "manager", "rep"];
type Statuses = Record<Role, number>;
const all = (s: number): Statuses => ({ admin: s, manager: s, rep: s });
const adminOnly = (ok: number): Statuses => ({ admin: ok, manager: 403, rep: 403 });

let t: Tenant;
let ip = 0;
beforeAll(async () => {
  t = await buildTenant("roles");
});

interface Req {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Case {
  name: string;
  make: (user: TestUser, role: Role) => Promise<Req> | Req;
  expect: Statuses;
  /** Extra checks on the answer (e.g. a rep's list never names another rep's customer). */
  check?: (text: string, role: Role) => void;
}

const freshCustomer = async (ownerId: string | null = null) => {
  const id = crypto.randomUUID();
  await db.insert(schema.customers).values({ id, workspaceId: t.workspaceId, name: `Fresh ${id}`, ownerId });
  return id;
};
const log = (extra: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  kind: "call",
  occurredAt: "2026-02-02T10:00:00Z",
  summary: "role probe",
  ...extra,
});
/** The id of a call `user` logs on `customerId` (undone at once when `undone`). */
const logged = async (user: TestUser, customerId: string, undone = false) => {
  const body = log({ customerId });
  expect((await call(user, "POST", "/api/v1/interactions", body)).status).toBe(201);
  if (undone) expect((await call(user, "DELETE", `/api/v1/interactions/${body.id}`)).status).toBe(200);
  return body.id;
};
const hidesOthers = (text: string, role: Role) => {
  if (role === "rep") expect(text).not.toContain(t.names.others);
  else expect(text).toContain(t.names.others);
};
const IMPORT_ROWS: Record<string, () => unknown[]> = {
  customers: () => [{ externalId: "x", name: "X" }],
  contacts: () => [{ customerExternalId: t.ext.own, name: "X", email: "x@x.example" }],
  orders: () => [{ externalId: "x", customerExternalId: t.ext.own, date: "2026-01-01", amount: 1 }],
  invoices: () => [{ externalId: "x", customerExternalId: t.ext.own, dueDate: "2026-01-01", amount: 1 }],
  opportunities: () => [
    { externalId: "x", customerExternalId: t.ext.own, name: "X", stage: "proposal", amount: 1, expectedClose: null },
  ],
  interactions: () => [
    { id: crypto.randomUUID(), customerExternalId: t.ext.own, kind: "call", occurredAt: "2026-01-01", summary: "x" },
  ],
};

/** Per mounted API route, one or more cases with the expected status per role. */
const API: Record<string, Case[]> = {
  "POST /api/v1/workspaces": [
    {
      name: "an API token is not the operator secret",
      make: () => ({
        method: "POST",
        path: "/api/v1/workspaces",
        body: { name: "X", admin: { email: "new@x.example", name: "X", password: "long enough password" } },
      }),
      expect: all(401),
    },
  ],
  "POST /api/v1/pairing-codes": [
    { name: "make a code", make: () => ({ method: "POST", path: "/api/v1/pairing-codes" }), expect: all(201) },
  ],
  "POST /api/v1/pair": [
    {
      name: "redeem one's own fresh code",
      make: async (u) => {
        const { code } = (await (await call(u, "POST", "/api/v1/pairing-codes")).json()) as { code: string };
        return {
          method: "POST",
          path: "/api/v1/pair",
          body: { code },
          headers: { "CF-Connecting-IP": `10.9.0.${++ip}` },
        };
      },
      expect: all(200),
    },
  ],
  "GET /api/v1/me": [
    {
      name: "me",
      make: () => ({ method: "GET", path: "/api/v1/me" }),
      expect: all(200),
      check: (text, role) => expect(JSON.parse(text).user.role).toBe(role),
    },
  ],
  "GET /api/v1/tokens": [{ name: "list", make: () => ({ method: "GET", path: "/api/v1/tokens" }), expect: all(200) }],
  "POST /api/v1/tokens": [
    {
      name: "create own",
      make: () => ({ method: "POST", path: "/api/v1/tokens", body: { name: "mine" } }),
      expect: all(201),
    },
  ],
  "DELETE /api/v1/tokens/:id": [
    {
      name: "revoke own",
      make: async (u) => ({
        method: "DELETE",
        path: `/api/v1/tokens/${(await issueApiToken(db, { workspaceId: u.workspaceId, userId: u.userId, name: "x" })).id}`,
      }),
      expect: all(200),
    },
    {
      name: "revoke another user's",
      make: async () => ({
        method: "DELETE",
        path: `/api/v1/tokens/${(await issueApiToken(db, { workspaceId: t.workspaceId, userId: t.rep2.userId, name: "x" })).id}`,
      }),
      expect: { admin: 200, manager: 404, rep: 404 },
    },
  ],
  "GET /api/v1/users": [
    { name: "list", make: () => ({ method: "GET", path: "/api/v1/users" }), expect: adminOnly(200) },
  ],
  "POST /api/v1/users": [
    {
      name: "create",
      make: () => ({
        method: "POST",
        path: "/api/v1/users",
        body: { email: `u-${crypto.randomUUID()}@x.example`, name: "U", role: "rep" },
      }),
      expect: adminOnly(201),
    },
  ],
  "PATCH /api/v1/users/:id": [
    {
      name: "promote a user",
      make: async () => ({
        method: "PATCH",
        path: `/api/v1/users/${(await createTestUser(t.workspaceId, "rep")).userId}`,
        body: { role: "admin" },
      }),
      expect: adminOnly(200),
    },
    {
      name: "promote oneself",
      make: (u) => ({ method: "PATCH", path: `/api/v1/users/${u.userId}`, body: { role: "admin" } }),
      expect: { admin: 200, manager: 403, rep: 403 },
    },
  ],
  "POST /api/v1/import/:type": Object.entries(IMPORT_ROWS).map(([type, rows]) => ({
    name: `import ${type} (dry run)`,
    make: () => ({ method: "POST", path: `/api/v1/import/${type}?dryRun=true`, body: rows() }),
    expect: adminOnly(200),
  })),
  "POST /api/v1/regrade": [
    {
      name: "regrade",
      make: () => ({ method: "POST", path: "/api/v1/regrade", body: { asOf: "2026-03-01" } }),
      expect: { admin: 200, manager: 200, rep: 403 },
    },
  ],
  "GET /api/v1/customers": [
    {
      name: "the list",
      make: () => ({ method: "GET", path: "/api/v1/customers?limit=200" }),
      expect: all(200),
      check: hidesOthers,
    },
    {
      name: "filtered by the other rep",
      make: () => ({ method: "GET", path: `/api/v1/customers?owner=${t.rep2.userId}` }),
      expect: all(200),
      check: hidesOthers,
    },
    {
      name: "searching the other rep's customer",
      make: () => ({ method: "GET", path: `/api/v1/customers?q=${encodeURIComponent(t.names.others)}` }),
      expect: all(200),
      check: hidesOthers,
    },
  ],
  "GET /api/v1/customers/:id": [
    { name: "own", make: () => ({ method: "GET", path: `/api/v1/customers/${t.own}` }), expect: all(200) },
    { name: "unowned", make: () => ({ method: "GET", path: `/api/v1/customers/${t.unowned}` }), expect: all(200) },
    {
      name: "another rep's",
      make: () => ({ method: "GET", path: `/api/v1/customers/${t.others}` }),
      expect: { admin: 200, manager: 200, rep: 404 },
    },
  ],
  "PATCH /api/v1/customers/:id": [
    {
      name: "own, attributes",
      make: (_u, role) => ({ method: "PATCH", path: `/api/v1/customers/${t.own}`, body: { attributes: { by: role } } }),
      expect: all(200),
    },
    {
      name: "another rep's",
      make: () => ({ method: "PATCH", path: `/api/v1/customers/${t.others}`, body: { legalVerified: true } }),
      expect: { admin: 200, manager: 200, rep: 404 },
    },
    {
      name: "give an unowned one to another rep",
      make: async () => ({
        method: "PATCH",
        path: `/api/v1/customers/${await freshCustomer()}`,
        body: { ownerId: t.rep2.userId },
      }),
      expect: { admin: 200, manager: 200, rep: 403 },
    },
  ],
  "POST /api/v1/lookup": [
    {
      name: "another rep's contact",
      make: () => ({
        method: "POST",
        path: "/api/v1/lookup",
        body: { emails: [t.othersEmail, `x@${t.othersDomain}`] },
      }),
      expect: all(200),
      check: hidesOthers,
    },
  ],
  "GET /api/v1/export/:type": ["customers", "grades"].map((type) => ({
    name: `export ${type}`,
    make: () => ({ method: "GET", path: `/api/v1/export/${type}` }),
    expect: all(200),
    check:
      type === "customers"
        ? hidesOthers
        : (text: string, role: Role) => role === "rep" && expect(text).not.toContain(t.others),
  })),
  "POST /api/v1/interactions": [
    {
      name: "on own",
      make: () => ({ method: "POST", path: "/api/v1/interactions", body: log({ customerId: t.own }) }),
      expect: all(201),
    },
    {
      name: "on another rep's",
      make: () => ({ method: "POST", path: "/api/v1/interactions", body: log({ customerId: t.others }) }),
      expect: { admin: 201, manager: 201, rep: 404 },
    },
    {
      name: "by another rep's contact address",
      make: () => ({ method: "POST", path: "/api/v1/interactions", body: log({ email: t.othersEmail }) }),
      expect: { admin: 201, manager: 201, rep: 404 },
    },
  ],
  "POST /api/v1/interactions/batch": [
    {
      name: "own and another rep's",
      make: () => ({
        method: "POST",
        path: "/api/v1/interactions/batch",
        body: { items: [log({ customerId: t.own }), log({ customerId: t.others })] },
      }),
      expect: all(200),
      check: (text, role) =>
        expect((JSON.parse(text) as { results: { status: number }[] }).results.map((r) => r.status)).toEqual([
          201,
          role === "rep" ? 404 : 201,
        ]),
    },
  ],
  "DELETE /api/v1/interactions/:id": [
    {
      name: "undo one's own",
      make: async (user) => ({ method: "DELETE", path: `/api/v1/interactions/${await logged(user, t.own)}` }),
      expect: all(200),
    },
    {
      name: "undo a colleague's, on an unowned customer",
      make: async () => ({
        method: "DELETE",
        path: `/api/v1/interactions/${await logged(await createTestUser(t.workspaceId, "rep"), await freshCustomer())}`,
      }),
      expect: { admin: 200, manager: 200, rep: 403 },
    },
    {
      name: "undo one on another rep's customer",
      make: async () => ({ method: "DELETE", path: `/api/v1/interactions/${await logged(t.admin, t.others)}` }),
      expect: { admin: 200, manager: 200, rep: 404 },
    },
  ],
  "POST /api/v1/interactions/:id/restore": [
    {
      name: "take back one's own undo",
      make: async (user) => ({
        method: "POST",
        path: `/api/v1/interactions/${await logged(user, t.own, true)}/restore`,
      }),
      expect: all(200),
    },
    {
      name: "restore one on another rep's customer",
      make: async () => ({
        method: "POST",
        path: `/api/v1/interactions/${await logged(t.admin, t.others, true)}/restore`,
      }),
      expect: { admin: 200, manager: 200, rep: 404 },
    },
  ],
  "GET /api/v1/openapi.json": [
    { name: "document", make: () => ({ method: "GET", path: "/api/v1/openapi.json" }), expect: all(200) },
  ],
  "GET /api/v1/docs": [{ name: "reference", make: () => ({ method: "GET", path: "/api/v1/docs" }), expect: all(200) }],
  "GET /api/v1/reference": [
    { name: "reference", make: () => ({ method: "GET", path: "/api/v1/reference" }), expect: all(200) },
  ],
};

const userOf = (role: Role) => ({ admin: t.admin, manager: t.manager, rep: t.rep })[role];

describe("API role matrix", () => {
  it("covers every mounted /api/v1 route", () => {
    expect(mountedRoutes("/api/v1").filter((r) => !API[r])).toEqual([]);
  });

  it("agrees with the roles each route declares in the OpenAPI registry", () => {
    const mounted = mountedRoutes("/api/v1");
    for (const spec of listRoutes()) {
      const concrete = `/api/v1${spec.path.replace(/\{(\w+)\}/g, "x")}`;
      const route = mounted.find(
        (r) => r.startsWith(`${spec.method.toUpperCase()} `) && patternMatches(r.split(" ")[1] as string, concrete),
      );
      expect(route, `${spec.method} ${spec.path} is registered but not mounted`).toBeDefined();
      if (!spec.roles || !route) continue;
      for (const role of ROLES) {
        const forbidden = (API[route] ?? []).every((c) => c.expect[role] === 403);
        expect(forbidden, `${route} for ${role}`).toBe(!spec.roles.includes(role));
      }
    }
  });

  const mounted = new Set(mountedRoutes("/api/v1"));
  for (const [route, cases] of Object.entries(API)) {
    if (!mounted.has(route)) continue;
    for (const c of cases) {
      it(`${route} (${c.name}): admin ${c.expect.admin}, manager ${c.expect.manager}, rep ${c.expect.rep}`, async () => {
        for (const role of ROLES) {
          const user = userOf(role);
          const req = await c.make(user, role);
          const res = await call(user, req.method, req.path, req.body, req.headers);
          const text = await res.text();
          expect(res.status, `${role}: ${text.slice(0, 300)}`).toBe(c.expect[role]);
          if (res.status < 300) c.check?.(text, role);
        }
      });
    }
  }
});
