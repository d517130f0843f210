// Sessions beyond admin-session.test.ts (issue #8 §3): fixation, sliding idle window, fixed absolute lifetime,
// server-side ends on disable and on a password set by an admin, cookie attributes, and no cookie authority on the API.
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../worker/src/services/sessions";
import { Jar, page, sessionFor, setCookies, setPassword, signInForm } from "./admin-helpers";
import { call, createTestUser, createTestWorkspace, db } from "./helpers";

vi.setConfig({ testTimeout: 30_000 });
const PASSWORD = "correct horse battery staple";
const sessionsOf = (userId: string) => db.select().from(schema.sessions).where(eq(schema.sessions.userId, userId));

describe("session fixation", () => {
  it("never adopts a session id the browser brought: a planted id is replaced and stored nowhere", async () => {
    const admin = await createTestWorkspace();
    await setPassword(admin, PASSWORD);
    const jar = new Jar();
    const planted = "attacker-chosen-session-id-0123456789abcdef";
    jar.cookies.set("tl_session", planted);
    const res = await signInForm(admin.email, PASSWORD, jar);
    expect(res.status).toBe(303);
    const issued = jar.cookies.get("tl_session") as string;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const stored = await sessionsOf(admin.userId);
    expect(stored.map((s) => s.idHash)).toEqual([await sha256Hex(issued)]);
    expect(stored.map((s) => s.idHash)).not.toContain(await sha256Hex(planted));
  });

  it("ends another person's live session when someone else signs in on the same browser", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    await setPassword(rep, PASSWORD);
    const { jar, csrf } = await sessionFor(admin);
    const adminId = jar.cookies.get("tl_session") as string;
    expect(
      (await page(jar, "POST", "/admin/sign-in", { _csrf: csrf, email: rep.email, password: PASSWORD })).status,
    ).toBe(303);
    expect(jar.cookies.get("tl_session")).not.toBe(adminId);
    expect(await sessionsOf(admin.userId)).toHaveLength(0);
  });
});

describe("expiry", () => {
  it("slides the idle window on use but never moves the absolute expiry", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    const [before] = await sessionsOf(admin.userId);
    const almostIdle = new Date(Date.now() - SESSION_IDLE_MS + 60_000).toISOString();
    await db.update(schema.sessions).set({ lastSeenAt: almostIdle }).where(eq(schema.sessions.userId, admin.userId));
    expect((await page(jar, "GET", "/admin/account")).status).toBe(200);
    const [after] = await sessionsOf(admin.userId);
    expect(Date.parse(after?.lastSeenAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(after?.expiresAt).toBe(before?.expiresAt);
    expect(Date.parse(before?.expiresAt ?? "") - Date.parse(before?.createdAt ?? "")).toBe(SESSION_ABSOLUTE_MS);
  });

  it("sends the cookie with an expiry no later than the absolute lifetime", async () => {
    const admin = await createTestWorkspace();
    await setPassword(admin, PASSWORD);
    const res = await signInForm(admin.email, PASSWORD);
    const cookie = setCookies(res).find((c) => c.startsWith("tl_session=")) as string;
    const expires = Date.parse(/Expires=([^;]+)/i.exec(cookie)?.[1] ?? "");
    expect(expires).toBeLessThanOrEqual(Date.now() + SESSION_ABSOLUTE_MS + 1000);
    expect(expires).toBeGreaterThan(Date.now() + SESSION_ABSOLUTE_MS - 60_000);
  });

  it("drops the cookie of a dead session from the browser", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    await db
      .update(schema.sessions)
      .set({ expiresAt: new Date(Date.now() - 1).toISOString() })
      .where(eq(schema.sessions.userId, admin.userId));
    const res = await page(jar, "GET", "/admin/account");
    expect(res.status).toBe(303);
    expect(setCookies(res).some((c) => c.startsWith("tl_session=;") || /tl_session=.*Max-Age=0/i.test(c))).toBe(true);
  });
});

describe("server-side ends", () => {
  it("sign-out clears the cookie and the id is dead even if replayed", async () => {
    const admin = await createTestWorkspace();
    const { jar, csrf } = await sessionFor(admin);
    const id = jar.cookies.get("tl_session") as string;
    const res = await page(jar, "POST", "/admin/sign-out", { _csrf: csrf });
    expect(setCookies(res).some((c) => /^tl_session=/.test(c) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(
      true,
    );
    expect(
      await db
        .select()
        .from(schema.sessions)
        .where(eq(schema.sessions.idHash, await sha256Hex(id))),
    ).toHaveLength(0);
  });

  it("disabling a user in the admin UI ends their sessions at once", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const victim = await sessionFor(rep);
    const { jar, csrf } = await sessionFor(admin);
    expect((await page(jar, "POST", `/admin/people/${rep.userId}/disable`, { _csrf: csrf })).status).toBe(303);
    expect((await page(victim.jar, "GET", "/admin/account")).status).toBe(303);
    expect(await sessionsOf(rep.userId)).toHaveLength(0);
  });
});

describe("cookies", () => {
  it("the pre-session CSRF cookie is HttpOnly and SameSite=Strict; over HTTPS __Host- and Secure", async () => {
    const plain = await exports.default.fetch(new Request("http://tierlens.test/admin/sign-in"));
    const pre = setCookies(plain).find((c) => c.startsWith("tl_csrf=")) as string;
    expect(pre).toMatch(/HttpOnly/i);
    expect(pre).toMatch(/SameSite=Strict/i);
    const secure = await exports.default.fetch(new Request("https://tierlens.test/admin/sign-in"));
    const host = setCookies(secure).find((c) => c.startsWith("__Host-tl_csrf=")) as string;
    expect(host).toMatch(/Secure/);
    expect(host).toMatch(/Path=\//);
    expect(host).not.toMatch(/Domain=/i);
  });

  it("over HTTPS a session cookie without the __Host- prefix is not honoured", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    const res = await exports.default.fetch(
      new Request("https://tierlens.test/admin/account", {
        headers: { Cookie: `tl_session=${jar.cookies.get("tl_session")}` },
        redirect: "manual",
      }),
    );
    expect(res.status).toBe(303);
  });

  it("the API never takes a session cookie as a credential (no ambient authority for cross-site requests)", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    const headers = { Cookie: jar.header(), Origin: "https://evil.example" };
    expect((await call(null, "GET", "/api/v1/me", undefined, headers)).status).toBe(401);
    const res = await call(null, "POST", "/api/v1/users", { email: "x@x.example", name: "X", role: "admin" }, headers);
    expect(res.status).toBe(401);
  });
});
