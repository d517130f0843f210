// Admin pages: who may open which page, data rendered as text (XSS), security headers on every page.
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { CONTENT_SECURITY_POLICY } from "../../worker/src/middleware/security-headers";
import { Jar, page, sessionFor } from "./admin-helpers";
import { createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

const XSS = "<script>alert(1)</script>";
let admin: TestUser;
let manager: TestUser;
let rep: TestUser;
let evilId: string;
let othersId: string;

beforeAll(async () => {
  admin = await createTestWorkspace("Pages Co.");
  manager = await createTestUser(admin.workspaceId, "manager");
  rep = await createTestUser(admin.workspaceId, "rep");
  const other = await createTestUser(admin.workspaceId, "rep");
  evilId = crypto.randomUUID();
  othersId = crypto.randomUUID();
  const ws = admin.workspaceId;
  await db.insert(schema.customers).values([
    { id: evilId, workspaceId: ws, name: XSS, industry: `"><img src=x onerror=alert(2)>`, ownerId: rep.userId },
    { id: othersId, workspaceId: ws, name: "Someone Else's Ltd", ownerId: other.userId },
    { id: crypto.randomUUID(), workspaceId: ws, name: "Unowned Inc." },
  ]);
  await db.insert(schema.orders).values([
    { workspaceId: ws, customerId: evilId, date: "2026-01-10", amount: 500_000, cost: 300_000, product: "Widget" },
    { workspaceId: ws, customerId: othersId, date: "2026-02-10", amount: 100_000, cost: 90_000, product: "Gadget" },
  ]);
  await db.insert(schema.interactions).values({
    workspaceId: ws,
    id: crypto.randomUUID(),
    customerId: evilId,
    kind: "note",
    occurredAt: "2026-02-01T08:00:00Z",
    summary: `${XSS} in a note`,
  });
  await regradeWorkspace(db, ws, "2026-03-01");
});

const PAGES: [string, Record<"admin" | "manager" | "rep", number>][] = [
  ["/admin", { admin: 200, manager: 200, rep: 303 }],
  ["/admin/customers", { admin: 200, manager: 200, rep: 200 }],
  ["/admin/people", { admin: 200, manager: 403, rep: 403 }],
  ["/admin/tokens", { admin: 200, manager: 403, rep: 403 }],
  ["/admin/connect", { admin: 200, manager: 200, rep: 200 }],
  ["/admin/account", { admin: 200, manager: 200, rep: 200 }],
  ["/admin/scoring", { admin: 200, manager: 403, rep: 403 }],
  ["/admin/import", { admin: 200, manager: 403, rep: 403 }],
  ["/admin/export/customers.csv", { admin: 200, manager: 403, rep: 403 }],
  ["/admin/audit", { admin: 200, manager: 403, rep: 403 }],
];

describe("role access", () => {
  for (const [path, expected] of PAGES) {
    it(`${path}: admin ${expected.admin}, manager ${expected.manager}, rep ${expected.rep}`, async () => {
      for (const [role, user] of [
        ["admin", admin],
        ["manager", manager],
        ["rep", rep],
      ] as const) {
        const { jar } = await sessionFor(user);
        const res = await page(jar, "GET", path);
        expect(res.status, `${role} ${path}`).toBe(expected[role]);
      }
    });
  }

  it("a rep sees their own and unowned customers only; another rep's is 404", async () => {
    const { jar } = await sessionFor(rep);
    const list = await (await page(jar, "GET", "/admin/customers")).text();
    expect(list).toContain("Unowned Inc.");
    expect(list).not.toContain("Someone Else");
    expect((await page(jar, "GET", `/admin/customers/${othersId}`)).status).toBe(404);
    expect((await page(jar, "GET", `/admin/customers/${evilId}`)).status).toBe(200);
  });

  it("another workspace's customer is 404 even for an admin", async () => {
    const stranger = await createTestWorkspace("Elsewhere");
    const { jar } = await sessionFor(stranger);
    expect((await page(jar, "GET", `/admin/customers/${evilId}`)).status).toBe(404);
  });
});

describe("data is rendered as text", () => {
  it("escapes a customer named <script> in the list, the detail page and the dashboard", async () => {
    const { jar } = await sessionFor(admin);
    for (const path of ["/admin/customers", `/admin/customers/${evilId}`, "/admin"]) {
      const html = await (await page(jar, "GET", path)).text();
      expect(html, path).not.toContain(XSS);
      expect(html, path).not.toContain("<img src=x");
      if (path !== "/admin") expect(html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it("pages carry no inline script", async () => {
    const { jar } = await sessionFor(admin);
    const html = await (await page(jar, "GET", `/admin/customers/${evilId}`)).text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script src="/admin/assets/app.js" defer=""></script>'.replace("</script>", "")]);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/style="/);
  });
});

describe("security headers", () => {
  it("every page sends the CSP and anti-framing headers, and is not cached", async () => {
    const { jar } = await sessionFor(admin);
    for (const path of ["/admin", "/admin/customers", "/admin/sign-in", "/setup", "/admin/nowhere"]) {
      const res = await page(path === "/admin/sign-in" || path === "/setup" ? new Jar() : jar, "GET", path);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toBe(CONTENT_SECURITY_POLICY);
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
  });

  it("serves the stylesheet and script from the same origin", async () => {
    const css = await page(new Jar(), "GET", "/admin/assets/app.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("Content-Type")).toContain("text/css");
    const js = await page(new Jar(), "GET", "/admin/assets/app.js");
    expect(js.headers.get("Content-Type")).toContain("javascript");
  });
});
