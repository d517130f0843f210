// CSRF on every state change (token AND same origin), throttled sign-ins (429 + Retry-After), forbidden POSTs by role.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { csrfIn, Jar, ORIGIN, page, sessionFor, setPassword, signInForm } from "./admin-helpers";
import { createTestUser, createTestWorkspace, db } from "./helpers";

vi.setConfig({ testTimeout: 60_000 });

const tokenCount = async (userId: string) =>
  (await db.select().from(schema.apiTokens).where(eq(schema.apiTokens.userId, userId))).length;

describe("CSRF", () => {
  it("accepts a POST with the session's token from our own origin", async () => {
    const admin = await createTestWorkspace();
    const { jar, csrf } = await sessionFor(admin);
    const res = await page(jar, "POST", "/admin/tokens", { _csrf: csrf, name: "ok" });
    expect(res.status).toBe(200);
    expect(await tokenCount(admin.userId)).toBe(2);
  });

  it("refuses a missing token, a wrong token, and another session's token with 403, writing nothing", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    const other = await sessionFor(admin);
    const forms: Record<string, string>[] = [
      { name: "x" },
      { _csrf: "forged", name: "x" },
      { _csrf: other.csrf, name: "x" },
    ];
    for (const form of forms) {
      expect((await page(jar, "POST", "/admin/tokens", form)).status).toBe(403);
    }
    expect(await tokenCount(admin.userId)).toBe(1);
  });

  it("refuses a foreign Origin, and a request with neither Origin nor same-origin Fetch Metadata", async () => {
    const admin = await createTestWorkspace();
    const { jar, csrf } = await sessionFor(admin);
    const form = { _csrf: csrf, name: "x" };
    expect((await page(jar, "POST", "/admin/tokens", form, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await page(jar, "POST", "/admin/tokens", form, { Origin: "null" })).status).toBe(403);
    const noOrigin = await page(jar, "POST", "/admin/tokens", form, { Origin: "", "Sec-Fetch-Site": "cross-site" });
    expect(noOrigin.status).toBe(403);
    expect(await tokenCount(admin.userId)).toBe(1);
  });

  it("guards sign-out, the sign-in form and setup too", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    expect((await page(jar, "POST", "/admin/sign-out", {})).status).toBe(403);
    expect((await page(jar, "GET", "/admin/account")).status).toBe(200);
    expect((await page(new Jar(), "POST", "/admin/sign-in", { email: "a@b.c", password: "x" })).status).toBe(403);
    expect((await page(new Jar(), "POST", "/setup", { operatorToken: "x" })).status).toBe(403);
  });

  it("the sign-in form's pre-session token is bound to its cookie", async () => {
    const jar = new Jar();
    const csrf = csrfIn(await (await page(jar, "GET", "/admin/sign-in")).text());
    const stranger = new Jar();
    const res = await page(stranger, "POST", "/admin/sign-in", { _csrf: csrf, email: "a@b.c", password: "x" });
    expect(res.status).toBe(403);
  });
});

describe("sign-in throttling", () => {
  it("locks an account after 5 failures: 429 with Retry-After, even with the right password", async () => {
    const admin = await createTestWorkspace();
    await setPassword(admin, "the right password");
    for (let i = 0; i < 5; i++) expect((await signInForm(admin.email, `wrong ${i}`)).status).toBe(401);
    const locked = await signInForm(admin.email, "the right password");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(locked.headers.get("Set-Cookie") ?? "").not.toContain("tl_session=");
  });

  it("locks an address after 20 failures across accounts", async () => {
    const admin = await createTestWorkspace();
    const addr = { Origin: ORIGIN, "CF-Connecting-IP": "203.0.113.7" };
    for (let i = 0; i < 20; i++) {
      // Real accounts with cheap test hashes: unknown emails verify against a full-cost dummy hash (seconds here).
      const user = await createTestUser(admin.workspaceId, "rep");
      await setPassword(user, "the right password");
      const jar = new Jar();
      const csrf = csrfIn(await (await page(jar, "GET", "/admin/sign-in")).text());
      const form = { _csrf: csrf, email: user.email, password: "wrong" };
      expect((await page(jar, "POST", "/admin/sign-in", form, addr)).status).toBe(401);
    }
    const jar = new Jar();
    const csrf = csrfIn(await (await page(jar, "GET", "/admin/sign-in")).text());
    const res = await page(jar, "POST", "/admin/sign-in", { _csrf: csrf, email: admin.email, password: "x" }, addr);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBeTruthy();
  });
});

describe("forbidden actions", () => {
  it("a manager cannot create users, tokens or change scoring, even with a valid token", async () => {
    const admin = await createTestWorkspace();
    const manager = await createTestUser(admin.workspaceId, "manager");
    const { jar, csrf } = await sessionFor(manager);
    expect(
      (await page(jar, "POST", "/admin/people", { _csrf: csrf, name: "X", email: "x@y.test", role: "admin" })).status,
    ).toBe(403);
    expect((await page(jar, "POST", "/admin/tokens", { _csrf: csrf, name: "x" })).status).toBe(403);
    expect((await page(jar, "POST", "/admin/scoring", { _csrf: csrf, intent: "save" })).status).toBe(403);
    expect((await page(jar, "POST", "/admin/import/regrade", { _csrf: csrf })).status).toBe(403);
  });

  it("a rep cannot take another rep's customer (404) and may log on their own", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    const theirs = crypto.randomUUID();
    const mine = crypto.randomUUID();
    await db.insert(schema.customers).values([
      { id: theirs, workspaceId: admin.workspaceId, name: "Theirs", ownerId: other.userId },
      { id: mine, workspaceId: admin.workspaceId, name: "Mine", ownerId: rep.userId },
    ]);
    const { jar, csrf } = await sessionFor(rep);
    const steal = await page(jar, "POST", `/admin/customers/${theirs}/edit`, { _csrf: csrf, ownerId: rep.userId });
    expect(steal.status).toBe(404);
    const log = await page(jar, "POST", `/admin/customers/${mine}/interactions`, {
      _csrf: csrf,
      kind: "call",
      occurredAt: "2026-03-01T10:30",
      summary: "Called about the renewal",
    });
    expect(log.status).toBe(303);
    const rows = await db.select().from(schema.interactions).where(eq(schema.interactions.customerId, mine));
    expect(rows.map((r) => [r.kind, r.summary, r.occurredAt])).toEqual([
      ["call", "Called about the renewal", "2026-03-01T02:30:00.000Z"],
    ]);
  });
});
