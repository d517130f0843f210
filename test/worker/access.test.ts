// Access rules across this team's routes: 401 without or with a revoked token, 404 across workspaces, 403 by role.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { insertCustomer } from "./fixtures";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

const TOKEN_ROUTES: [string, string, unknown?][] = [
  ["GET", "/api/v1/me"],
  ["POST", "/api/v1/pairing-codes"],
  ["GET", "/api/v1/users"],
  ["POST", "/api/v1/users", { email: "x@y.test", name: "X", role: "rep" }],
  ["PATCH", "/api/v1/users/some-id", { role: "rep" }],
  ["GET", "/api/v1/tokens"],
  ["POST", "/api/v1/tokens", { name: "t" }],
  ["DELETE", "/api/v1/tokens/some-id"],
  ["GET", "/api/v1/customers"],
  ["GET", "/api/v1/customers/some-id"],
  ["PATCH", "/api/v1/customers/some-id", { legalVerified: true }],
  ["POST", "/api/v1/lookup", { emails: ["a@b.test"] }],
  ["POST", "/api/v1/interactions", {}],
  ["POST", "/api/v1/interactions/batch", { items: [{}] }],
];

describe("authentication", () => {
  it.each(TOKEN_ROUTES)("%s %s answers 401 without a token and with a revoked one", async (method, path, body) => {
    const user = await createTestWorkspace();
    await db
      .update(schema.apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(eq(schema.apiTokens.userId, user.userId));
    for (const caller of [null, user]) {
      const res = await call(caller, method, path, body);
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toContain("Bearer");
    }
  });
});

describe("another workspace's ids", () => {
  let mine: TestUser;
  let theirs: { admin: TestUser; rep: TestUser; customerId: string; tokenId: string };
  beforeAll(async () => {
    mine = await createTestWorkspace();
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const customerId = await insertCustomer(admin.workspaceId, { emails: ["boss@theirs.test"] });
    const [token] = await db.select().from(schema.apiTokens).where(eq(schema.apiTokens.userId, rep.userId));
    theirs = { admin, rep, customerId, tokenId: token?.id ?? "" };
  });

  it("answer 404 on every route that takes an id, and change nothing", async () => {
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/v1/customers/${theirs.customerId}`],
      ["PATCH", `/api/v1/customers/${theirs.customerId}`, { legalVerified: true }],
      ["PATCH", `/api/v1/users/${theirs.rep.userId}`, { disabled: true }],
      ["DELETE", `/api/v1/tokens/${theirs.tokenId}`],
      [
        "POST",
        "/api/v1/interactions",
        {
          id: crypto.randomUUID(),
          customerId: theirs.customerId,
          kind: "note",
          occurredAt: "2026-01-01",
          summary: "Called",
        },
      ],
    ];
    for (const [method, path, body] of attempts) {
      expect((await call(mine, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await call(theirs.rep, "GET", "/api/v1/me")).status).toBe(200);
    const [customer] = await db.select().from(schema.customers).where(eq(schema.customers.id, theirs.customerId));
    expect(customer?.legalVerified).toBe(false);
  });

  it("never match in lookups, lists or batches", async () => {
    const lookup = (await (await call(mine, "POST", "/api/v1/lookup", { emails: ["boss@theirs.test"] })).json()) as {
      results: { match: null }[];
    };
    expect(lookup.results[0]?.match).toBeNull();
    expect(
      ((await (await call(mine, "GET", "/api/v1/customers?q=theirs")).json()) as { items: unknown[] }).items,
    ).toEqual([]);
    const item = {
      id: crypto.randomUUID(),
      email: "boss@theirs.test",
      kind: "email",
      occurredAt: "2026-01-01",
      summary: "Called",
    };
    const batch = (await (await call(mine, "POST", "/api/v1/interactions/batch", { items: [item] })).json()) as {
      results: { status: number }[];
    };
    expect(batch.results[0]?.status).toBe(404);
  });
});

describe("roles", () => {
  it("keeps user management to admins and lets every role use the rest", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId);
    for (const role of ["manager", "rep"] as const) {
      const user = await createTestUser(admin.workspaceId, role);
      expect((await call(user, "GET", "/api/v1/users")).status, role).toBe(403);
      expect(
        (await call(user, "POST", "/api/v1/users", { email: "n@x.test", name: "N", role: "rep" })).status,
        role,
      ).toBe(403);
      expect((await call(user, "PATCH", `/api/v1/users/${admin.userId}`, { disabled: true })).status, role).toBe(403);
      expect((await call(user, "GET", "/api/v1/me")).status, role).toBe(200);
      expect((await call(user, "GET", "/api/v1/tokens")).status, role).toBe(200);
      expect((await call(user, "POST", "/api/v1/pairing-codes")).status, role).toBe(201);
      expect((await call(user, "GET", `/api/v1/customers/${customerId}`)).status, role).toBe(200);
      expect((await call(user, "POST", "/api/v1/lookup", { emails: ["a@b.test"] })).status, role).toBe(200);
    }
    const forbidden = await call(await createTestUser(admin.workspaceId, "rep"), "GET", "/api/v1/users");
    expect(await forbidden.json()).toMatchObject({ error: { code: "forbidden" } });
  });
});
