// Tenant isolation (issue #8 §1): every /api/v1 route, called by workspace A with workspace B's ids, external ids,
// addresses and domains, answers 404 (or shows nothing of B) and leaves every row of B in D1 exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { call, type TestUser } from "./helpers";
import { buildTenant, mountedRoutes, type Tenant, workspaceDigest } from "./security-world";

let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  [a, b] = [await buildTenant("a"), await buildTenant("b")];
});

interface Probe {
  name: string;
  as: (t: Tenant) => TestUser;
  method: string;
  path: (a: Tenant, b: Tenant) => string;
  body?: (a: Tenant, b: Tenant) => unknown;
  /** The status A must get; `check` may look at the body for leaks. */
  status: number;
  check?: (text: string, a: Tenant, b: Tenant) => void;
}

const uuid = () => crypto.randomUUID();
const noBNames = (text: string, _a: Tenant, b: Tenant) => {
  for (const name of Object.values(b.names)) expect(text).not.toContain(name);
  expect(text).not.toContain(b.workspaceId);
};
const importResult = (created: number, errors: number) => (text: string) => {
  const body = JSON.parse(text) as { created: number; errors: unknown[] };
  expect({ created: body.created, errors: body.errors.length }).toEqual({ created, errors });
};
const log = (extra: Record<string, unknown>) => ({
  id: uuid(),
  kind: "call",
  occurredAt: "2026-02-02T10:00:00Z",
  summary: "cross-tenant probe",
  ...extra,
});

/** Per mounted route, the cross-tenant attempts. A route without an entry fails the coverage test below. */
const PROBES: Record<string, Probe[]> = {
  "GET /api/v1/customers/:id": (["own", "others", "unowned"] as const).map((k) => ({
    name: `B's ${k} customer`,
    as: (t) => t.admin,
    method: "GET",
    path: (_a, b) => `/api/v1/customers/${b[k]}`,
    status: 404,
    check: noBNames,
  })),
  "PATCH /api/v1/customers/:id": (["own", "others", "unowned"] as const).map((k) => ({
    name: `B's ${k} customer`,
    as: (t) => t.admin,
    method: "PATCH",
    path: (_a, b) => `/api/v1/customers/${b[k]}`,
    body: (a) => ({ legalVerified: true, creditLimit: 1, ownerId: a.rep.userId, attributes: { x: 1 } }),
    status: 404,
  })),
  "DELETE /api/v1/tokens/:id": [
    {
      name: "B's token",
      as: (t) => t.admin,
      method: "DELETE",
      path: (_a, b) => `/api/v1/tokens/${b.rep2TokenId}`,
      status: 404,
    },
  ],
  "PATCH /api/v1/users/:id": [
    {
      name: "rename B's rep",
      as: (t) => t.admin,
      method: "PATCH",
      path: (_a, b) => `/api/v1/users/${b.rep.userId}`,
      body: () => ({ name: "pwned" }),
      status: 404,
    },
    {
      name: "disable B's admin",
      as: (t) => t.admin,
      method: "PATCH",
      path: (_a, b) => `/api/v1/users/${b.admin.userId}`,
      body: () => ({ disabled: true }),
      status: 404,
    },
    {
      name: "promote B's rep",
      as: (t) => t.admin,
      method: "PATCH",
      path: (_a, b) => `/api/v1/users/${b.rep.userId}`,
      body: () => ({ role: "admin", password: "a new long password" }),
      status: 404,
    },
  ],
  "POST /api/v1/interactions": [
    {
      name: "on B's customer id",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/interactions",
      body: (_a, b) => log({ customerId: b.others }),
      status: 404,
    },
    {
      name: "on B's customer id, as a rep",
      as: (t) => t.rep,
      method: "POST",
      path: () => "/api/v1/interactions",
      body: (_a, b) => log({ customerId: b.unowned }),
      status: 404,
    },
    {
      name: "with B's contact address",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/interactions",
      body: (_a, b) => log({ email: b.othersEmail }),
      status: 404,
    },
    {
      name: "with B's interaction id (a new row of A, never B's replay or conflict)",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/interactions",
      body: (a, b) => log({ id: b.interactionId, customerId: a.own, summary: "Called" }),
      status: 201,
      check: (text, a) => expect(JSON.parse(text).customerId).toBe(a.own),
    },
    {
      name: "createProspect with B's address makes a prospect in A only",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/interactions",
      body: (_a, b) => log({ email: b.ownEmail, createProspect: true }),
      status: 201,
      check: (text, _a, b) => expect([b.own, b.others, b.unowned]).not.toContain(JSON.parse(text).customerId),
    },
  ],
  "POST /api/v1/interactions/batch": [
    {
      name: "items on B's customers",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/interactions/batch",
      body: (_a, b) => ({
        items: [log({ customerId: b.others }), log({ customerId: b.own }), log({ email: b.othersEmail })],
      }),
      status: 200,
      check: (text) =>
        expect((JSON.parse(text) as { results: { status: number }[] }).results.map((r) => r.status)).toEqual([
          404, 404, 404,
        ]),
    },
  ],
  "DELETE /api/v1/interactions/:id": [
    {
      name: "B's interaction id",
      as: (t) => t.admin,
      method: "DELETE",
      path: (_a, b) => `/api/v1/interactions/${b.removedInteractionId}`,
      status: 404,
      check: noBNames,
    },
  ],
  "POST /api/v1/interactions/:id/restore": [
    {
      name: "B's undone interaction id (stays undone)",
      as: (t) => t.admin,
      method: "POST",
      path: (_a, b) => `/api/v1/interactions/${b.removedInteractionId}/restore`,
      status: 404,
      check: noBNames,
    },
  ],
  "POST /api/v1/import/:type": [
    {
      name: "contacts of B's customer",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/contacts",
      body: (_a, b) => [{ customerExternalId: b.ext.others, name: "X", email: `x-${uuid()}@x.example` }],
      status: 200,
      check: importResult(0, 1),
    },
    {
      name: "orders of B's customer",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/orders",
      body: (_a, b) => [{ externalId: uuid(), customerExternalId: b.ext.own, date: "2026-01-01", amount: 5 }],
      status: 200,
      check: importResult(0, 1),
    },
    {
      name: "invoices of B's customer",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/invoices",
      body: (_a, b) => [{ externalId: uuid(), customerExternalId: b.ext.own, dueDate: "2026-01-01", amount: 5 }],
      status: 200,
      check: importResult(0, 1),
    },
    {
      name: "opportunities of B's customer",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/opportunities",
      body: (_a, b) => [
        {
          externalId: uuid(),
          customerExternalId: b.ext.own,
          name: "X",
          stage: "proposal",
          amount: 5,
          expectedClose: null,
        },
      ],
      status: 200,
      check: importResult(0, 1),
    },
    {
      name: "interactions of B's customer",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/interactions",
      body: (_a, b) => [
        { id: uuid(), customerExternalId: b.ext.own, kind: "call", occurredAt: "2026-01-01", summary: "x" },
      ],
      status: 200,
      check: importResult(0, 1),
    },
    {
      name: "a customer owned by B's rep",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/customers",
      body: (_a, b) => [{ externalId: uuid(), name: "X", ownerEmail: b.rep.email }],
      status: 200,
      check: importResult(0, 1),
    },
    {
      name: "customers with B's external ids and domain create A's own rows",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/customers",
      body: (_a, b) => [
        { externalId: b.ext.own, name: "A's namesake", domains: [b.unownedDomain] },
        { externalId: b.ext.others, name: "A's other namesake" },
      ],
      status: 200,
      check: importResult(2, 0),
    },
    {
      name: "a contact with B's address on A's customer",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/import/contacts",
      body: (a, b) => [{ customerExternalId: a.ext.own, name: "Shared address", email: b.unownedEmail }],
      status: 200,
      check: importResult(1, 0),
    },
  ],
  "POST /api/v1/lookup": [
    {
      name: "B's contact and domain addresses match nothing",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/lookup",
      body: (_a, b) => ({ emails: [`someone@${b.othersDomain}`, b.rep.email] }),
      status: 200,
      check: (text, a, b) => {
        noBNames(text, a, b);
        expect((JSON.parse(text) as { results: { match: unknown }[] }).results.map((r) => r.match)).toEqual([
          null,
          null,
        ]);
      },
    },
  ],
  "GET /api/v1/customers": [
    {
      name: "filtered by B's owner",
      as: (t) => t.admin,
      method: "GET",
      path: (_a, b) => `/api/v1/customers?owner=${b.rep2.userId}`,
      status: 200,
      check: (t) => expect(JSON.parse(t).items).toEqual([]),
    },
    {
      name: "searching B's names",
      as: (t) => t.admin,
      method: "GET",
      path: (_a, b) => `/api/v1/customers?q=${encodeURIComponent(b.names.others)}`,
      status: 200,
      check: noBNames,
    },
    {
      name: "the whole list",
      as: (t) => t.admin,
      method: "GET",
      path: () => "/api/v1/customers?limit=200",
      status: 200,
      check: noBNames,
    },
  ],
  "GET /api/v1/export/:type": ["customers", "grades"].map((type) => ({
    name: `export of ${type}`,
    as: (t: Tenant) => t.admin,
    method: "GET",
    path: () => `/api/v1/export/${type}`,
    status: 200,
    check: noBNames,
  })),
  "GET /api/v1/me": [
    { name: "me", as: (t) => t.admin, method: "GET", path: () => "/api/v1/me", status: 200, check: noBNames },
  ],
  "GET /api/v1/tokens": [
    {
      name: "token list",
      as: (t) => t.admin,
      method: "GET",
      path: () => "/api/v1/tokens",
      status: 200,
      check: (text, _a, b) => expect(text).not.toContain(b.rep2TokenId),
    },
  ],
  "POST /api/v1/tokens": [
    {
      name: "new token",
      as: (t) => t.rep,
      method: "POST",
      path: () => "/api/v1/tokens",
      body: () => ({ name: "mine" }),
      status: 201,
    },
  ],
  "GET /api/v1/users": [
    {
      name: "user list",
      as: (t) => t.admin,
      method: "GET",
      path: () => "/api/v1/users",
      status: 200,
      check: (text, _a, b) => expect(text).not.toContain(b.rep.email),
    },
  ],
  "POST /api/v1/users": [
    // Emails are unique across workspaces (sign-in is by email): a taken one answers 409 and B's user stays as is.
    {
      name: "a user with B's rep's address",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/users",
      body: (_a, b) => ({ email: b.rep.email, name: "Dup", role: "admin" }),
      status: 409,
    },
  ],
  "POST /api/v1/regrade": [
    {
      name: "regrade",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/regrade",
      body: () => ({ asOf: "2026-03-02" }),
      status: 200,
    },
  ],
  "POST /api/v1/pairing-codes": [
    { name: "pairing code", as: (t) => t.rep, method: "POST", path: () => "/api/v1/pairing-codes", status: 201 },
  ],
  "POST /api/v1/pair": [
    {
      name: "an unknown code",
      as: (t) => t.rep,
      method: "POST",
      path: () => "/api/v1/pair",
      body: () => ({ code: "ZZZZZ-ZZZZZ" }),
      status: 401,
    },
  ],
  "POST /api/v1/workspaces": [
    // An API token is not the operator secret, whoever holds it.
    {
      name: "a workspace made with A's admin token",
      as: (t) => t.admin,
      method: "POST",
      path: () => "/api/v1/workspaces",
      body: () => ({
        name: "X",
        admin: { email: `x-${uuid()}@x.example`, name: "X", password: "long enough password" },
      }),
      status: 401,
    },
  ],
  // Public documents (added by the API issue): nothing of any workspace in them.
  "GET /api/v1/openapi.json": [
    {
      name: "openapi",
      as: (t) => t.rep,
      method: "GET",
      path: () => "/api/v1/openapi.json",
      status: 200,
      check: noBNames,
    },
  ],
  "GET /api/v1/reference": [
    {
      name: "reference",
      as: (t) => t.rep,
      method: "GET",
      path: () => "/api/v1/reference",
      status: 200,
      check: noBNames,
    },
  ],
  "GET /api/v1/docs": [
    { name: "docs", as: (t) => t.rep, method: "GET", path: () => "/api/v1/docs", status: 200, check: noBNames },
  ],
};

describe("tenant isolation", () => {
  it("has cross-tenant probes for every mounted /api/v1 route", () => {
    const missing = mountedRoutes("/api/v1").filter((r) => !PROBES[r]);
    expect(missing, "routes without a tenant-isolation probe: add them to PROBES").toEqual([]);
  });

  const mounted = new Set(mountedRoutes("/api/v1"));
  for (const [route, probes] of Object.entries(PROBES)) {
    if (!mounted.has(route)) continue;
    for (const p of probes) {
      it(`${route}: ${p.name} → ${p.status}, and B unchanged`, async () => {
        const before = await workspaceDigest(b.workspaceId);
        const res = await call(p.as(a), p.method, p.path(a, b), p.body?.(a, b));
        const text = await res.text();
        expect(res.status, text).toBe(p.status);
        p.check?.(text, a, b);
        expect(await workspaceDigest(b.workspaceId)).toEqual(before);
      });
    }
  }

  it("B's own callers still see their data intact after every probe", async () => {
    const res = await call(b.admin, "GET", `/api/v1/customers/${b.others}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as {
      customer: { name: string; legalVerified: boolean };
      interactions: { id: string; summary: string }[];
    };
    expect(detail.customer.name).toBe(b.names.others);
    expect(detail.customer.legalVerified).toBe(false);
    expect(detail.interactions.map((i) => [i.id, i.summary])).toEqual([[b.interactionId, "Called"]]);
    expect((await call(b.rep2, "GET", "/api/v1/me")).status).toBe(200);
  });
});
