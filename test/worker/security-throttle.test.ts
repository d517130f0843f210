// Throttling (issue #8 §6): failed sign-ins lock an account and an address with 429 + Retry-After — even for the right
// password afterwards, even when the failures arrive concurrently — and pairing codes cannot be brute-forced.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { normalisePairingCode, sha256Hex } from "../../worker/src/lib/crypto";
import { Jar, page, sessionFor, setCookies, setPassword } from "./admin-helpers";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

vi.setConfig({ testTimeout: 30_000 });
const PASSWORD = "correct horse battery staple";
let n = 0;
const address = () => `198.51.100.${++n}`;

/** One sign-in through the form from `ip` (the double-submit token comes from the sign-in page). */
async function signIn(email: string, password: string, ip: string): Promise<Response> {
  const jar = new Jar();
  const form = await page(jar, "GET", "/admin/sign-in");
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())?.[1] ?? "";
  return page(jar, "POST", "/admin/sign-in", { _csrf: csrf, email, password }, { "CF-Connecting-IP": ip });
}

function expectLocked(res: Response) {
  expect(res.status).toBe(429);
  const retry = Number(res.headers.get("Retry-After"));
  expect(Number.isInteger(retry)).toBe(true);
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(15 * 60);
  expect(setCookies(res).some((c) => /tl_session=[^;]/.test(c))).toBe(false);
}

async function userWithPassword(): Promise<TestUser> {
  const admin = await createTestWorkspace();
  const user = await createTestUser(admin.workspaceId, "rep");
  await setPassword(user, PASSWORD);
  return user;
}

describe("sign-in throttling", () => {
  it("per account: 5 failures from 5 addresses lock the account, the right password then gets 429", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, `wrong ${i}`, address())).status).toBe(401);
    expectLocked(await signIn(user.email, PASSWORD, address()));
    // Case and spaces in the address do not make a new account key.
    expectLocked(await signIn(` ${user.email.toUpperCase()} `, PASSWORD, address()));
  });

  it("per account: failures that arrive at once all count", async () => {
    const user = await userWithPassword();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(user.email, `wrong ${i}`, address())));
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expectLocked(await signIn(user.email, PASSWORD, address()));
  });

  it("per address: 20 failures spread over accounts lock the address, not the people elsewhere", async () => {
    const ip = address();
    for (let u = 0; u < 5; u++) {
      const victim = await userWithPassword();
      for (let i = 0; i < 4; i++) expect((await signIn(victim.email, `wrong ${i}`, ip)).status).toBe(401);
    }
    const user = await userWithPassword();
    expectLocked(await signIn(user.email, PASSWORD, ip));
    // A spoofed forwarding header does not move the request to another address key.
    const spoofJar = new Jar();
    const form = await page(spoofJar, "GET", "/admin/sign-in");
    const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())?.[1] ?? "";
    const spoofed = await page(
      spoofJar,
      "POST",
      "/admin/sign-in",
      { _csrf: csrf, email: user.email, password: PASSWORD },
      { "CF-Connecting-IP": ip, "X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9" },
    );
    expectLocked(spoofed);
    expect((await signIn(user.email, PASSWORD, address())).status).toBe(303);
  });

  it("guessing the current password on the password-change form is throttled too", async () => {
    const user = await userWithPassword();
    const { jar, csrf } = await sessionFor(user);
    const form = (current: string) => ({
      _csrf: csrf,
      current,
      password: "a new long passphrase",
      confirm: "a new long passphrase",
    });
    for (let i = 0; i < 5; i++)
      expect((await page(jar, "POST", "/admin/account/password", form(`wrong ${i}`))).status).toBe(400);
    const res = await page(jar, "POST", "/admin/account/password", form(PASSWORD));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("pairing codes", () => {
  it("lock an address after 5 wrong codes: the right code then gets 429 and stays unused", async () => {
    const admin = await createTestWorkspace();
    const made = (await (await call(admin, "POST", "/api/v1/pairing-codes")).json()) as { code: string };
    expect(made.code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/); // 32^10 ≈ 2^50 codes
    const ip = address();
    const headers = { "CF-Connecting-IP": ip };
    for (let i = 0; i < 5; i++) {
      const res = await call(null, "POST", "/api/v1/pair", { code: `AAAAA-AAAA${i + 2}` }, headers);
      expect(res.status).toBe(401);
    }
    const locked = await call(null, "POST", "/api/v1/pair", { code: made.code }, headers);
    expectLocked(locked);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("too_many_attempts");
    const [row] = await db
      .select()
      .from(schema.pairingCodes)
      .where(eq(schema.pairingCodes.codeHash, await sha256Hex(normalisePairingCode(made.code))));
    expect(row?.usedAt).toBeNull();
  });

  it("allow at most 5 guesses per address per 15 minutes, whatever the body looks like", async () => {
    const headers = { "CF-Connecting-IP": address() };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const body =
        i % 3 === 0
          ? { code: "ZZZZZ-ZZZZZ" }
          : i % 3 === 1
            ? { code: "zzzzz zzzzz" }
            : { code: `QQQQQ-QQQQ${(i % 8) + 2}` };
      statuses.push((await call(null, "POST", "/api/v1/pair", body, headers)).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
  });
});
