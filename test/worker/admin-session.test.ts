// Admin sessions: cookie flags, a new id at each sign-in, idle and absolute expiry, sign-out and password change.

import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../worker/src/services/sessions";
import { csrfIn, Jar, page, sessionFor, setCookies, setPassword, signInForm } from "./admin-helpers";
import { createTestUser, createTestWorkspace, db } from "./helpers";

const PASSWORD = "correct horse battery staple";
vi.setConfig({ testTimeout: 30_000 }); // scrypt sign-ins take ~0.5 s each

describe("sign-in", () => {
  it("sets an HttpOnly SameSite cookie, stores only the id's hash, and issues a new id every time", async () => {
    const admin = await createTestWorkspace();
    await setPassword(admin, PASSWORD);
    const jar = new Jar();
    const first = await signInForm(admin.email, PASSWORD, jar);
    expect(first.status).toBe(303);
    const cookie = setCookies(first).find((c: string) => c.startsWith("tl_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const id1 = jar.cookies.get("tl_session") as string;
    const stored = await db.select().from(schema.sessions).where(eq(schema.sessions.userId, admin.userId));
    expect(stored.map((s) => s.idHash)).toContain(await sha256Hex(id1));
    expect(JSON.stringify(stored)).not.toContain(id1);
    const second = await signInForm(admin.email, PASSWORD, jar);
    expect(second.status).toBe(303);
    const id2 = jar.cookies.get("tl_session");
    expect(id2).toBeTruthy();
    expect(id2).not.toBe(id1);
    // The old session was replaced, not kept alongside.
    const old = await db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.idHash, await sha256Hex(id1)));
    expect(old).toHaveLength(0);
  });

  it("uses the __Host- prefix and Secure over HTTPS", async () => {
    const admin = await createTestWorkspace();
    await setPassword(admin, PASSWORD);
    const { exports } = await import("cloudflare:workers");
    const get = await exports.default.fetch(new Request("https://tierlens.test/admin/sign-in"));
    const pre = setCookies(get).find((c: string) => c.startsWith("__Host-tl_csrf=")) as string;
    expect(pre).toMatch(/Secure/);
    const csrf = csrfIn(await get.text());
    const res = await exports.default.fetch(
      new Request("https://tierlens.test/admin/sign-in", {
        method: "POST",
        redirect: "manual",
        headers: {
          Origin: "https://tierlens.test",
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: pre.split(";")[0] as string,
        },
        body: new URLSearchParams({ _csrf: csrf, email: admin.email, password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(303);
    const cookie = setCookies(res).find((c: string) => c.startsWith("__Host-tl_session=")) as string;
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("refuses a wrong password and a disabled user", async () => {
    const admin = await createTestWorkspace();
    await setPassword(admin, PASSWORD);
    expect((await signInForm(admin.email, "wrong password here")).status).toBe(401);
    const rep = await createTestUser(admin.workspaceId, "rep");
    await setPassword(rep, PASSWORD);
    await db.update(schema.users).set({ disabledAt: new Date().toISOString() }).where(eq(schema.users.id, rep.userId));
    const res = await signInForm(rep.email, PASSWORD);
    expect(res.status).toBe(401);
    expect(setCookies(res).some((c: string) => c.startsWith("tl_session="))).toBe(false);
  });

  it("redirects pages to sign-in without a session", async () => {
    const res = await page(new Jar(), "GET", "/admin/account");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/admin/sign-in?next=%2Fadmin%2Faccount");
  });
});

describe("expiry", () => {
  it("ends a session idle for longer than the idle timeout", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    expect((await page(jar, "GET", "/admin/account")).status).toBe(200);
    const idle = new Date(Date.now() - SESSION_IDLE_MS - 60_000).toISOString();
    await db.update(schema.sessions).set({ lastSeenAt: idle }).where(eq(schema.sessions.userId, admin.userId));
    expect((await page(jar, "GET", "/admin/account")).status).toBe(303);
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.userId, admin.userId))).toHaveLength(0);
  });

  it("ends a session at its absolute lifetime however active", async () => {
    const admin = await createTestWorkspace();
    const { jar } = await sessionFor(admin);
    const past = new Date(Date.now() - 1000).toISOString();
    await db
      .update(schema.sessions)
      .set({ expiresAt: past, lastSeenAt: new Date().toISOString() })
      .where(eq(schema.sessions.userId, admin.userId));
    expect((await page(jar, "GET", "/admin/account")).status).toBe(303);
    expect(SESSION_ABSOLUTE_MS).toBeGreaterThan(SESSION_IDLE_MS);
  });
});

describe("ending sessions", () => {
  it("sign-out deletes the session server-side", async () => {
    const admin = await createTestWorkspace();
    const { jar, csrf } = await sessionFor(admin);
    const stolen = jar.cookies.get("tl_session") as string;
    const out = await page(jar, "POST", "/admin/sign-out", { _csrf: csrf });
    expect(out.status).toBe(303);
    const replay = new Jar();
    replay.cookies.set("tl_session", stolen);
    expect((await page(replay, "GET", "/admin/account")).status).toBe(303);
  });

  it("a password change ends every session of the user and keeps this browser signed in on a new id", async () => {
    const admin = await createTestWorkspace();
    await setPassword(admin, PASSWORD);
    const other = await sessionFor(admin);
    const { jar, csrf } = await sessionFor(admin);
    const before = jar.cookies.get("tl_session");
    const res = await page(jar, "POST", "/admin/account/password", {
      _csrf: csrf,
      current: PASSWORD,
      password: "a brand new passphrase",
      confirm: "a brand new passphrase",
    });
    expect(res.status).toBe(303);
    expect(jar.cookies.get("tl_session")).not.toBe(before);
    expect((await page(jar, "GET", "/admin/account")).status).toBe(200);
    expect((await page(other.jar, "GET", "/admin/account")).status).toBe(303);
    expect((await signInForm(admin.email, "a brand new passphrase")).status).toBe(303);
  }, 120_000);
});
