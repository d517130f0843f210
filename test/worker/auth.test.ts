// Workspaces (operator), pairing codes with throttling, /me and the token rules, through the real worker.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { call, createTestUser, createTestWorkspace, db } from "./helpers";

const operator = { token: "test-operator-token" };
/** Creating a workspace hashes a password with scrypt: slow on a loaded test machine. */
const SLOW = 60_000;
let n = 0;
const address = () => `198.51.100.${++n}-${Date.now()}`;

describe("POST /workspaces", () => {
  const body = (email: string) => ({ name: "Acme", admin: { email, name: "Ana", password: "correct horse battery" } });

  it("refuses without the operator token or with a wrong one", async () => {
    expect((await call(null, "POST", "/api/v1/workspaces", body("a@x.test"))).status).toBe(401);
    expect((await call({ token: "nope" }, "POST", "/api/v1/workspaces", body("a@x.test"))).status).toBe(401);
  });

  it("names each invalid field", async () => {
    const res = await call(operator, "POST", "/api/v1/workspaces", {
      name: "",
      admin: { email: "x", name: "A", password: "short" },
    });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { error: { details: { field: string }[] } }).error.details.map(
      (d) => d.field,
    );
    expect(fields).toEqual(expect.arrayContaining(["name", "admin.email", "admin.password"]));
  });

  it(
    "creates the workspace, its admin, config version 1 and a working token; secrets only hashed",
    async () => {
      const email = `Owner-${Date.now()}@Acme.test`;
      const res = await call(operator, "POST", "/api/v1/workspaces", body(email));
      expect(res.status).toBe(201);
      const out = (await res.json()) as {
        workspace: { id: string };
        admin: { id: string; email: string };
        token: string;
      };
      expect(out.admin.email).toBe(email.toLowerCase());
      const me = await call(out, "GET", "/api/v1/me");
      expect(((await me.json()) as { user: { role: string } }).user.role).toBe("admin");
      const [ws] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, out.workspace.id));
      expect(ws?.activeConfigVersion).toBe(1);
      const configs = await db
        .select()
        .from(schema.scoringConfigs)
        .where(eq(schema.scoringConfigs.workspaceId, out.workspace.id));
      expect(configs.map((c) => c.version)).toEqual([1]);
      expect(configs[0]?.config).toMatchObject({ scorecard: expect.anything() });
      const [user] = await db.select().from(schema.users).where(eq(schema.users.id, out.admin.id));
      expect(user?.passwordHash).toMatch(/^scrypt\$/);
      expect(user?.passwordHash).not.toContain("correct horse");
      const tokens = await db.select().from(schema.apiTokens).where(eq(schema.apiTokens.userId, out.admin.id));
      expect(tokens.map((t) => t.tokenHash)).toEqual([await sha256Hex(out.token)]);
      expect(JSON.stringify(tokens)).not.toContain(out.token);
    },
    SLOW,
  );

  it(
    "answers 409 for an admin email already taken, writing nothing",
    async () => {
      const email = `dup-${Date.now()}@acme.test`;
      expect((await call(operator, "POST", "/api/v1/workspaces", body(email))).status).toBe(201);
      const before = (await db.select().from(schema.workspaces)).length;
      const res = await call(operator, "POST", "/api/v1/workspaces", body(email.toUpperCase()));
      expect(res.status).toBe(409);
      expect((await db.select().from(schema.workspaces)).length).toBe(before);
    },
    SLOW,
  );
});

describe("pairing", () => {
  async function makeCode(user = createTestWorkspace()) {
    const u = await user;
    const res = await call(u, "POST", "/api/v1/pairing-codes");
    expect(res.status).toBe(201);
    return { user: u, ...((await res.json()) as { code: string; expiresAt: string }) };
  }
  const pair = (code: unknown, ip = address()) =>
    call(null, "POST", "/api/v1/pair", { code }, { "CF-Connecting-IP": ip });

  it("makes a 10-minute code, stored only as a hash", async () => {
    const { user, code, expiresAt } = await makeCode();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.5);
    expect(minutes).toBeLessThanOrEqual(10);
    const rows = await db.select().from(schema.pairingCodes).where(eq(schema.pairingCodes.userId, user.userId));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code.replace("-", ""));
    expect(rows[0]?.codeHash).toBe(await sha256Hex(code.replace("-", "")));
  });

  it("exchanges a code once for a working token of its user", async () => {
    const { user, code } = await makeCode();
    const res = await pair(code.toLowerCase().replace("-", " "));
    expect(res.status).toBe(200);
    const out = (await res.json()) as { token: string; user: { id: string; role: string }; workspace: { id: string } };
    expect(out.user).toMatchObject({ id: user.userId, role: "admin" });
    expect(out.workspace.id).toBe(user.workspaceId);
    expect((await call(out, "GET", "/api/v1/me")).status).toBe(200);
    const again = await pair(code);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("invalid_pairing_code");
  });

  it("refuses an expired code and a disabled user's code", async () => {
    const expired = await makeCode();
    await db
      .update(schema.pairingCodes)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(schema.pairingCodes.userId, expired.user.userId));
    expect((await pair(expired.code)).status).toBe(401);
    const ws = await createTestWorkspace();
    const disabled = await makeCode(createTestUser(ws.workspaceId, "rep"));
    await db
      .update(schema.users)
      .set({ disabledAt: new Date().toISOString() })
      .where(eq(schema.users.id, disabled.user.userId));
    expect((await pair(disabled.code)).status).toBe(401);
  });

  it("needs a code in the body", async () => {
    const res = await pair(undefined);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field).toBe("code");
  });

  it("locks an address out after 5 failures in 15 minutes with 429 and Retry-After", async () => {
    const ip = address();
    for (let i = 0; i < 5; i++) expect((await pair("AAAAA-AAAAA", ip)).status).toBe(401);
    const { code } = await makeCode();
    const locked = await pair(code, ip);
    expect(locked.status).toBe(429);
    const retry = Number(locked.headers.get("Retry-After"));
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    expect((await pair(code, address())).status).toBe(200);
    const [row] = await db
      .select()
      .from(schema.authThrottles)
      .where(eq(schema.authThrottles.key, `pair:ip:${ip}`));
    expect(row?.failures).toBe(5);
  });

  it("forgets old failures once the window has passed", async () => {
    const ip = address();
    for (let i = 0; i < 4; i++) await pair("AAAAA-AAAAA", ip);
    const old = new Date(Date.now() - 16 * 60_000).toISOString();
    await db
      .update(schema.authThrottles)
      .set({ windowStart: old })
      .where(eq(schema.authThrottles.key, `pair:ip:${ip}`));
    for (let i = 0; i < 4; i++) expect((await pair("AAAAA-AAAAA", ip)).status).toBe(401);
    const { code } = await makeCode();
    expect((await pair(code, ip)).status).toBe(200);
  });

  it("needs a signed-in user to make a code", async () => {
    expect((await call(null, "POST", "/api/v1/pairing-codes")).status).toBe(401);
  });
});

describe("GET /me", () => {
  it("answers the caller, role and workspace", async () => {
    const admin = await createTestWorkspace("Me Co.");
    const rep = await createTestUser(admin.workspaceId, "rep");
    const res = await call(rep, "GET", "/api/v1/me");
    expect(await res.json()).toMatchObject({
      user: { id: rep.userId, email: rep.email, role: "rep" },
      workspace: { id: admin.workspaceId, name: "Me Co.", currency: "CNY" },
    });
  });

  it("answers 401 without a token, with an unknown one and with a revoked one", async () => {
    expect((await call(null, "GET", "/api/v1/me")).status).toBe(401);
    expect((await call({ token: "tl_unknown" }, "GET", "/api/v1/me")).status).toBe(401);
    const user = await createTestWorkspace();
    await db
      .update(schema.apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(eq(schema.apiTokens.userId, user.userId));
    const res = await call(user, "GET", "/api/v1/me");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});
