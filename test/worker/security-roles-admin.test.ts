// Role matrix of the admin UI (issue #8 §2): admin, manager and rep × every mounted /admin page and form (sent with
// the session's valid CSRF token) → the expected status; a rep never opens another rep's customer, the people,
// token, scoring, import or audit pages, and managers manage no users, settings or scoring.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { issueApiToken } from "../../worker/src/services/tokens";
import { page, sessionFor } from "./admin-helpers";
import { call, createTestUser, db, type TestUser } from "./helpers";
import { buildTenant, mountedRoutes, type Tenant } from "./security-world";

type Role = "admin" | "manager" | "rep";
const ROLES: Role[] = ["admin", "manager", "rep"];
type Statuses = Record<Role, number>;
const all = (s: number): Statuses => ({ admin: s, manager: s, rep: s });
const adminOnly = (ok: number): Statuses => ({ admin: ok, manager: 403, rep: 403 });

vi.setConfig({ testTimeout: 30_000 }); // a sign-in attempt verifies a production-cost scrypt hash

let t: Tenant;
let ip = 0;
beforeAll(async () => {
  t = await buildTenant("roles");
});
const hidesOthers = (text: string, role: Role) => {
  if (role === "rep") expect(text).not.toContain(t.names.others);
  else expect(text).toContain(t.names.others);
};
const userOf = (role: Role) => ({ admin: t.admin, manager: t.manager, rep: t.rep })[role];

/** The id of a call `user` logs on `customerId` through the API (undone at once when `undone`). */
async function loggedBy(user: TestUser, customerId: string, undone = false): Promise<string> {
  const id = crypto.randomUUID();
  const body = { id, customerId, kind: "call", occurredAt: "2026-02-02T10:00:00Z", summary: "role probe" };
  expect((await call(user, "POST", "/api/v1/interactions", body)).status).toBe(201);
  if (undone) expect((await call(user, "DELETE", `/api/v1/interactions/${id}`)).status).toBe(200);
  return id;
}

interface PageCase {
  name: string;
  path: (role: Role) => Promise<string> | string;
  form?: Record<string, string> | (() => Record<string, string>);
  expect: Statuses;
  check?: (text: string, role: Role) => void;
  /** Not role-dependent and slow (a scrypt verification): tried as a rep only. */
  once?: boolean;
}

/** Per mounted admin route (GET pages and POST forms, sent with the session's valid CSRF token). */
const PAGES: Record<string, PageCase[]> = {
  "GET /admin": [{ name: "dashboard", path: () => "/admin", expect: { admin: 200, manager: 200, rep: 303 } }],
  "GET /admin/account": [{ name: "account", path: () => "/admin/account", expect: all(200) }],
  "GET /admin/audit": [{ name: "audit log", path: () => "/admin/audit", expect: adminOnly(200) }],
  "GET /admin/connect": [{ name: "connect", path: () => "/admin/connect", expect: all(200) }],
  "GET /admin/customers": [{ name: "list", path: () => "/admin/customers", expect: all(200), check: hidesOthers }],
  "GET /admin/customers/:id": [
    { name: "own", path: () => `/admin/customers/${t.own}`, expect: all(200) },
    {
      name: "another rep's",
      path: () => `/admin/customers/${t.others}`,
      expect: { admin: 200, manager: 200, rep: 404 },
    },
  ],
  "GET /admin/export/:file": [
    { name: "customers.csv", path: () => "/admin/export/customers.csv", expect: adminOnly(200) },
    { name: "grades.csv", path: () => "/admin/export/grades.csv", expect: adminOnly(200) },
  ],
  "GET /admin/import": [{ name: "import", path: () => "/admin/import", expect: adminOnly(200) }],
  "GET /admin/import/template/:file": [
    { name: "template", path: () => "/admin/import/template/customers.csv", expect: adminOnly(200) },
  ],
  "GET /admin/lang/:locale": [{ name: "language", path: () => "/admin/lang/zh-CN", expect: all(303) }],
  "GET /admin/people": [{ name: "people", path: () => "/admin/people", expect: adminOnly(200) }],
  "GET /admin/scoring": [{ name: "scoring", path: () => "/admin/scoring", expect: adminOnly(200) }],
  "GET /admin/sign-in": [{ name: "sign-in while signed in", path: () => "/admin/sign-in", expect: all(303) }],
  "GET /admin/tokens": [{ name: "tokens", path: () => "/admin/tokens", expect: adminOnly(200) }],
  "GET /admin/today": [
    {
      name: "my day",
      path: () => "/admin/today",
      expect: all(200),
      // Everyone's day is their own customers: never another rep's, whoever asks.
      check: (text) => expect(text).not.toContain(t.names.others),
    },
  ],
  "GET /admin/assets/app.css": [{ name: "css", path: () => "/admin/assets/app.css", expect: all(200) }],
  "GET /admin/assets/app.js": [{ name: "js", path: () => "/admin/assets/app.js", expect: all(200) }],
  "GET /admin/assets/icon.svg": [{ name: "icon", path: () => "/admin/assets/icon.svg", expect: all(200) }],
  "POST /admin/account/password": [
    {
      name: "wrong current password",
      path: () => "/admin/account/password",
      form: { current: "not the password", password: "a new long passphrase", confirm: "a new long passphrase" },
      expect: all(400),
    },
  ],
  "POST /admin/connect": [{ name: "make a pairing code", path: () => "/admin/connect", form: {}, expect: all(200) }],
  "POST /admin/customers/:id/edit": [
    {
      name: "another rep's (the form keeps the owner)",
      path: () => `/admin/customers/${t.others}/edit`,
      form: () => ({ ownerId: t.rep2.userId, legalVerified: "1", creditLimit: "" }),
      expect: { admin: 303, manager: 303, rep: 404 },
    },
  ],
  "POST /admin/customers/:id/interactions": [
    {
      name: "own",
      path: () => `/admin/customers/${t.own}/interactions`,
      form: { kind: "call", occurredAt: "2026-02-01T10:00", summary: "x" },
      expect: all(303),
    },
    {
      name: "another rep's",
      path: () => `/admin/customers/${t.others}/interactions`,
      form: { kind: "call", occurredAt: "2026-02-01T10:00", summary: "x" },
      expect: { admin: 303, manager: 303, rep: 404 },
    },
  ],
  "POST /admin/interactions/:id/delete": [
    {
      name: "one's own",
      path: async (role) => `/admin/interactions/${await loggedBy(userOf(role), t.own)}/delete`,
      form: {},
      expect: all(303),
    },
    {
      name: "a colleague's",
      path: async () => `/admin/interactions/${await loggedBy(t.rep2, t.unowned)}/delete`,
      form: {},
      expect: { admin: 303, manager: 303, rep: 403 },
    },
    {
      name: "on another rep's customer",
      path: async () => `/admin/interactions/${await loggedBy(t.admin, t.others)}/delete`,
      form: {},
      expect: { admin: 303, manager: 303, rep: 404 },
    },
  ],
  "POST /admin/interactions/:id/restore": [
    {
      name: "one's own",
      path: async (role) => `/admin/interactions/${await loggedBy(userOf(role), t.own, true)}/restore`,
      form: {},
      expect: all(303),
    },
    {
      name: "on another rep's customer",
      path: async () => `/admin/interactions/${await loggedBy(t.admin, t.others, true)}/restore`,
      form: {},
      expect: { admin: 303, manager: 303, rep: 404 },
    },
  ],
  "POST /admin/import/regrade": [
    { name: "regrade", path: () => "/admin/import/regrade", form: {}, expect: adminOnly(303) },
  ],
  "POST /admin/import/run": [
    {
      name: "run",
      path: () => "/admin/import/run",
      form: {
        type: "customers",
        csv: "external_id,name\nR1,Run Co",
        "map.0": "external_id",
        "map.1": "name",
        intent: "dry",
      },
      expect: adminOnly(200),
    },
  ],
  "POST /admin/import/upload": [
    {
      name: "upload without a file",
      path: () => "/admin/import/upload",
      form: { type: "customers" },
      expect: adminOnly(400),
    },
  ],
  "POST /admin/people": [
    {
      name: "create a user",
      path: () => "/admin/people",
      form: { name: "N", email: `n-${crypto.randomUUID()}@x.example`, role: "admin" },
      expect: adminOnly(303),
    },
  ],
  "POST /admin/people/:id/role": [
    {
      name: "promote a rep",
      path: async () => `/admin/people/${(await createTestUser(t.workspaceId, "rep")).userId}/role`,
      form: { role: "admin" },
      expect: adminOnly(303),
    },
  ],
  "POST /admin/people/:id/disable": [
    {
      name: "disable a rep",
      path: async () => `/admin/people/${(await createTestUser(t.workspaceId, "rep")).userId}/disable`,
      form: {},
      expect: adminOnly(303),
    },
  ],
  "POST /admin/people/:id/enable": [
    {
      name: "enable a rep",
      path: async () => `/admin/people/${(await createTestUser(t.workspaceId, "rep")).userId}/enable`,
      form: {},
      expect: adminOnly(303),
    },
  ],
  "POST /admin/scoring": [
    { name: "save scoring", path: () => "/admin/scoring", form: {}, expect: { admin: 200, manager: 403, rep: 403 } },
  ],
  "POST /admin/tokens": [
    { name: "create a token", path: () => "/admin/tokens", form: { name: "t" }, expect: adminOnly(200) },
  ],
  "POST /admin/tokens/:id/revoke": [
    {
      name: "revoke a rep's token",
      path: async () =>
        `/admin/tokens/${(await issueApiToken(db, { workspaceId: t.workspaceId, userId: t.rep2.userId, name: "x" })).id}/revoke`,
      form: {},
      expect: adminOnly(303),
    },
  ],
  // Not role-dependent: signing out, and the pre-session doors (tested in security-sessions / -csrf).
  "POST /admin/sign-out": [{ name: "sign out", path: () => "/admin/sign-out", form: {}, expect: all(303) }],
  "POST /admin/sign-in": [
    {
      name: "wrong password",
      path: () => "/admin/sign-in",
      form: { email: "nobody@x.example", password: "x" },
      expect: all(401),
      once: true,
    },
  ],
};

describe("admin UI role matrix", () => {
  it("covers every mounted admin route", () => {
    expect(mountedRoutes("/admin").filter((r) => !PAGES[r])).toEqual([]);
  });

  const mounted = new Set(mountedRoutes("/admin"));
  for (const [route, cases] of Object.entries(PAGES)) {
    if (!mounted.has(route)) continue;
    for (const c of cases) {
      it(`${route} (${c.name}): admin ${c.expect.admin}, manager ${c.expect.manager}, rep ${c.expect.rep}`, async () => {
        for (const role of c.once ? (["rep"] as Role[]) : ROLES) {
          const { jar, csrf } = await sessionFor(userOf(role));
          const path = await c.path(role);
          const form = typeof c.form === "function" ? c.form() : c.form;
          const res = await page(jar, form ? "POST" : "GET", path, form ? { _csrf: csrf, ...form } : undefined, {
            "CF-Connecting-IP": `10.8.0.${++ip}`,
          });
          const text = await res.text();
          expect(res.status, `${role} ${path}: ${text.slice(0, 200)}`).toBe(c.expect[role]);
          if (res.status === 200) c.check?.(text, role);
        }
      });
    }
  }
});
