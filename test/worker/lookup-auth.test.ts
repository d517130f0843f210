// POST /lookup checks its token inside its one D1 statement: the same 401s as requireToken, in the same order
// (before the body, before any 304), last use recorded, and ETags that never cross users, roles or workspaces.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { insertCustomer, suggestion } from "./fixtures";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

type Result = { email: string; match: string | null; customer: Record<string, unknown> | null };
const lookup = (user: Pick<TestUser, "token"> | null, emails: unknown, headers: Record<string, string> = {}) =>
  call(user, "POST", "/api/v1/lookup", { emails }, headers);
const results = async (res: Response) => ((await res.json()) as { results: Result[] }).results;
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe("POST /lookup authentication", () => {
  it("answers 401 to an unknown token, a revoked one and a disabled user's — before the body and before any 304", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    await insertCustomer(admin.workspaceId, { name: "Acme", domains: ["acme.test"] });
    const etags = new Map<TestUser, string>();
    for (const user of [admin, rep]) {
      const ok = await lookup(user, ["a@acme.test"]);
      expect(ok.status).toBe(200);
      etags.set(user, ok.headers.get("ETag") ?? "");
    }
    await db
      .update(schema.apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(eq(schema.apiTokens.userId, admin.userId));
    await db.update(schema.users).set({ disabledAt: new Date().toISOString() }).where(eq(schema.users.id, rep.userId));
    for (const user of [admin, rep, { token: "tl_unknown" }]) {
      const ifNoneMatch = { "If-None-Match": etags.get(user as TestUser) ?? "*" };
      for (const res of [
        await lookup(user, ["a@acme.test"], ifNoneMatch),
        await lookup(user, []),
        await call(user, "POST", "/api/v1/lookup", "{not json", { "Content-Type": "application/json" }),
      ]) {
        expect(res.status).toBe(401);
        expect(res.headers.get("WWW-Authenticate")).toContain("Bearer");
        expect(res.headers.get("ETag")).toBeNull();
        expect(await errorCode(res)).toBe("unauthorized");
      }
    }
    for (const authorization of ["", "Basic abc", "Bearer", "Bearer a b"]) {
      const res = await call(null, "POST", "/api/v1/lookup", { emails: [] }, { Authorization: authorization });
      expect(res.status).toBe(401);
    }
  });

  it("validates the body once the token is good: 400 for bad JSON and a bad list", async () => {
    const admin = await createTestWorkspace();
    const bad = await call(admin, "POST", "/api/v1/lookup", "{not json", { "Content-Type": "application/json" });
    expect([bad.status, await errorCode(bad)]).toEqual([400, "invalid_json"]);
    const empty = await lookup(admin, []);
    expect([empty.status, await errorCode(empty)]).toEqual([400, "validation_failed"]);
  });

  it("records the token's last use", async () => {
    const admin = await createTestWorkspace();
    const hash = await sha256Hex(admin.token);
    const lastUsed = async () =>
      (await db.select().from(schema.apiTokens).where(eq(schema.apiTokens.tokenHash, hash)))[0]?.lastUsedAt ?? null;
    expect(await lastUsed()).toBeNull();
    expect((await lookup(admin, ["a@b.test"])).status).toBe(200);
    await expect.poll(lastUsed).not.toBeNull();
  });
});

describe("POST /lookup ETag", () => {
  it("never answers 304 across users, roles, workspaces or address lists", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const rep2 = await createTestUser(admin.workspaceId, "rep");
    const manager = await createTestUser(admin.workspaceId, "manager");
    const elsewhere = await createTestWorkspace();
    await insertCustomer(admin.workspaceId, { name: "Theirs", ownerId: rep2.userId, domains: ["theirs.test"] });
    const emails = ["a@theirs.test", "b@nowhere.test"];
    const first = await lookup(rep, emails);
    const etag = first.headers.get("ETag") ?? "";
    expect((await results(first))[0]?.match).toBe("restricted");
    expect((await lookup(rep, emails, { "If-None-Match": etag })).status).toBe(304);
    expect((await lookup(rep, emails, { "If-None-Match": `W/${etag}` })).status).toBe(304);
    for (const [user, asked] of [
      [rep2, emails],
      [admin, emails],
      [manager, emails],
      [elsewhere, emails],
      [rep, [...emails].reverse()],
      [rep, emails.slice(0, 1)],
      [rep, [emails.join("\n")]],
    ] as const) {
      const res = await lookup(user, asked, { "If-None-Match": etag });
      expect(res.status).toBe(200);
      expect(res.headers.get("ETag")).not.toBe(etag);
    }
    // The rep becomes a manager: the old ETag no longer holds and the customer shows.
    await db.update(schema.users).set({ role: "manager" }).where(eq(schema.users.id, rep.userId));
    const promoted = await lookup(rep, emails, { "If-None-Match": etag });
    expect(promoted.status).toBe(200);
    expect((await results(promoted))[0]).toMatchObject({ match: "domain", customer: { name: "Theirs" } });
  });

  it("changes when the customer is handed to the rep", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    const id = await insertCustomer(admin.workspaceId, { name: "Acme", ownerId: other.userId, domains: ["acme.test"] });
    const before = await lookup(rep, ["x@acme.test"]);
    expect((await results(before))[0]?.match).toBe("restricted");
    const etag = before.headers.get("ETag") ?? "";
    expect((await call(admin, "PATCH", `/api/v1/customers/${id}`, { ownerId: rep.userId })).status).toBe(200);
    const after = await lookup(rep, ["x@acme.test"], { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect((await results(after))[0]).toMatchObject({ match: "domain", customer: { id, name: "Acme" } });
  });
});

describe("POST /lookup grade fields", () => {
  it("returns as many suggestions as the grade has, up to three, and its service level", async () => {
    const admin = await createTestWorkspace();
    await insertCustomer(admin.workspaceId, {
      name: "One",
      emails: ["one@one.test"],
      grade: { tier: "C", negativeValue: true, suggestions: [suggestion("reply-due", 1)] },
    });
    await insertCustomer(admin.workspaceId, { name: "None", domains: ["none.test"], grade: { suggestions: [] } });
    const [one, none] = await results(await lookup(admin, ["ONE@one.test", "x@none.test"]));
    expect(one).toMatchObject({
      match: "contact",
      customer: {
        name: "One",
        tier: "C",
        keyAccount: false,
        negativeValue: true,
        suggestions: [suggestion("reply-due", 1)],
      },
    });
    expect(none?.customer?.suggestions).toEqual([]);
    expect(none?.customer?.serviceLevel).toEqual({
      cadenceDays: 15,
      replyHours: 24,
      nextFollowUp: "2026-01-15",
      accountManager: false,
    });
  });
});
