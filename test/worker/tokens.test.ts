// API tokens through the real worker: shown once, stored hashed, own vs admin visibility, revocation, last use.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { call, createTestUser, createTestWorkspace, db } from "./helpers";

type Token = { id: string; token: string; userId: string; lastUsedAt: string | null; revokedAt: string | null };
const list = async (user: { token: string }) =>
  ((await (await call(user, "GET", "/api/v1/tokens")).json()) as { items: Token[] }).items;

describe("tokens", () => {
  it("creates a token shown once and stored only as its hash", async () => {
    const admin = await createTestWorkspace();
    const res = await call(admin, "POST", "/api/v1/tokens", { name: "script" });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Token & { name: string; prefix: string };
    expect(created).toMatchObject({ name: "script", userId: admin.userId });
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const [row] = await db.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(await sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(JSON.stringify(await list(admin))).not.toContain(created.token);
    expect((await call(created, "GET", "/api/v1/me")).status).toBe(200);
  });

  it("names an invalid name", async () => {
    const admin = await createTestWorkspace();
    const res = await call(admin, "POST", "/api/v1/tokens", { name: "" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field).toBe("name");
  });

  it("lists own tokens with last use; an admin sees the whole workspace", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    await call(rep, "GET", "/api/v1/me");
    const mine = await list(rep);
    expect(mine.map((t) => t.userId)).toEqual([rep.userId]);
    expect(mine[0]?.lastUsedAt).not.toBeNull();
    expect(new Set((await list(admin)).map((t) => t.userId))).toEqual(new Set([admin.userId, rep.userId]));
  });

  it("revokes a token at once; others' tokens are 404 to a non-admin", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const adminToken = (await list(admin)).find((t) => t.userId === admin.userId);
    expect((await call(rep, "DELETE", `/api/v1/tokens/${adminToken?.id}`)).status).toBe(404);
    const [repToken] = await list(rep);
    expect((await call(admin, "DELETE", `/api/v1/tokens/${repToken?.id}`)).status).toBe(200);
    expect((await call(rep, "GET", "/api/v1/me")).status).toBe(401);
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, repToken?.id ?? ""));
    expect(audit.map((a) => a.action)).toEqual(["token.revoke"]);
  });

  it("answers 404 for another workspace's token and leaves it working", async () => {
    const admin = await createTestWorkspace();
    const stranger = await createTestWorkspace();
    const [theirs] = await list(stranger);
    expect((await call(admin, "DELETE", `/api/v1/tokens/${theirs?.id}`)).status).toBe(404);
    expect((await call(stranger, "GET", "/api/v1/me")).status).toBe(200);
  });
});
