// POST /interactions through the real worker: idempotency (replay 200, mismatch 422), matching, prospects, access.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { insertCustomer } from "./fixtures";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

const item = (over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  kind: "email",
  occurredAt: "2026-01-02T11:00:00+08:00",
  summary: "Asked for a quote",
  ...over,
});
const log = (user: TestUser, body: unknown) => call(user, "POST", "/api/v1/interactions", body);
const stored = (ws: string) => db.select().from(schema.interactions).where(eq(schema.interactions.workspaceId, ws));
const customersOf = (ws: string) => db.select().from(schema.customers).where(eq(schema.customers.workspaceId, ws));
const fields = async (res: Response) =>
  ((await res.json()) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);

describe("POST /interactions", () => {
  it("logs once (201), replays the same body (200) and refuses another body under the same id (422), keeping the original", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId);
    const body = item({
      customerId,
      direction: "in",
      sourceUrl: "https://mail.example.test/#inbox/1",
      sourceTitle: "Quote",
    });
    const first = await log(admin, body);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({
      id: body.id,
      customerId,
      userId: admin.userId,
      kind: "email",
      direction: "in",
      occurredAt: "2026-01-02T03:00:00.000Z",
    });
    // Same meaning, other spelling: key order, the same instant in UTC, createProspect false.
    const { id, ...rest } = body;
    const replay = await log(admin, { ...rest, occurredAt: "2026-01-02T03:00:00Z", createProspect: false, id });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(created);
    const mismatch = await log(admin, { ...body, summary: "Something else" });
    expect(mismatch.status).toBe(422);
    expect(((await mismatch.json()) as { error: { code: string } }).error.code).toBe("idempotency_conflict");
    const rows = await stored(admin.workspaceId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.summary).toBe("Asked for a quote");
    expect(rows[0]?.bodyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("finds the customer by exact contact address first, then by domain", async () => {
    const admin = await createTestWorkspace();
    const byDomain = await insertCustomer(admin.workspaceId, { domains: ["acme.test"] });
    const byContact = await insertCustomer(admin.workspaceId, { emails: ["agent@acme.test"] });
    const a = (await (await log(admin, item({ email: "Agent@ACME.test" }))).json()) as { customerId: string };
    const b = (await (await log(admin, item({ email: "someone@acme.test" }))).json()) as { customerId: string };
    expect([a.customerId, b.customerId]).toEqual([byContact, byDomain]);
  });

  it("answers 404 for an address nobody has, and never matches a free-mail domain", async () => {
    const admin = await createTestWorkspace();
    await insertCustomer(admin.workspaceId, { domains: ["gmail.com"] });
    for (const email of ["x@unknown.test", "x@gmail.com"]) {
      const res = await log(admin, item({ email }));
      expect(res.status).toBe(404);
      expect(await fields(res)).toEqual(["email"]);
    }
    expect(await stored(admin.workspaceId)).toHaveLength(0);
  });

  it("creates a prospect with contact and domain for an unknown business address, atomically, bumping the data version", async () => {
    const admin = await createTestWorkspace();
    const [before] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId));
    const res = await log(admin, item({ email: "li@newco.test", createProspect: true, contactName: "Li" }));
    expect(res.status).toBe(201);
    const { customerId } = (await res.json()) as { customerId: string };
    const [customer] = await customersOf(admin.workspaceId);
    expect(customer).toMatchObject({
      id: customerId,
      name: "newco.test",
      kind: "enterprise",
      lifecycleStage: "prospect",
      ownerId: admin.userId,
    });
    const contacts = await db.select().from(schema.contacts).where(eq(schema.contacts.customerId, customerId));
    expect(contacts).toMatchObject([{ name: "Li", email: "li@newco.test" }]);
    const domains = await db
      .select()
      .from(schema.customerDomains)
      .where(eq(schema.customerDomains.customerId, customerId));
    expect(domains.map((d) => d.domain)).toEqual(["newco.test"]);
    const [after] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId));
    expect(after?.dataVersion).toBe((before?.dataVersion ?? 0) + 1);
    const colleague = (await (await log(admin, item({ email: "wang@newco.test" }))).json()) as { customerId: string };
    expect(colleague.customerId).toBe(customerId);
  });

  it("creates an individual without a domain for an unknown free-mail address", async () => {
    const admin = await createTestWorkspace();
    expect((await log(admin, item({ email: "li.wei@qq.com", createProspect: true }))).status).toBe(201);
    const [customer] = await customersOf(admin.workspaceId);
    expect(customer).toMatchObject({ name: "li.wei@qq.com", kind: "individual" });
    expect(
      await db.select().from(schema.customerDomains).where(eq(schema.customerDomains.workspaceId, admin.workspaceId)),
    ).toEqual([]);
    expect((await log(admin, item({ email: "other@qq.com" }))).status).toBe(404);
  });

  it("names each invalid field", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId);
    const cases: [Record<string, unknown>, string][] = [
      [{ customerId, kind: "fax" }, "kind"],
      [{ customerId, id: "not-a-uuid" }, "id"],
      [{ customerId, occurredAt: "yesterday" }, "occurredAt"],
      [{ customerId, summary: "x".repeat(10_001) }, "summary"],
      [{ customerId, summary: " \n\t " }, "summary"],
      [{ customerId, occurredAt: "2099-01-01" }, "occurredAt"],
      [{ customerId, sourceUrl: "javascript:alert(1)" }, "sourceUrl"],
      [{ customerId, email: "a@b.test" }, "customerId"],
      [{}, "customerId"],
      [{ customerId, createProspect: true }, "createProspect"],
      [{ email: "nope" }, "email"],
      [{ customerId, direction: "sideways" }, "direction"],
      [{ customerId, colour: "red" }, ""],
    ];
    for (const [over, field] of cases) {
      const res = await log(admin, item(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect((await fields(res))[0] ?? "", JSON.stringify(over)).toBe(field);
    }
    expect((await call(admin, "POST", "/api/v1/interactions", "{not json")).status).toBe(400);
  });

  it("refuses a touch dated more than a day after the server's clock, storing nothing; within the day it logs", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId);
    const hour = 3_600_000;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const ahead = await log(admin, item({ customerId, occurredAt: at(25 * hour) }));
    expect(ahead.status).toBe(400);
    const body = (await ahead.json()) as { error: { details: { field: string; message: string }[] } };
    expect(body.error.details).toEqual([{ field: "occurredAt", message: "Must not be more than a day after now." }]);
    expect(await stored(admin.workspaceId)).toHaveLength(0);
    // A client whose clock runs 23 hours fast, or "today" written as a date in UTC+14, still logs.
    expect((await log(admin, item({ customerId, occurredAt: at(23 * hour) }))).status).toBe(201);
    expect(await stored(admin.workspaceId)).toHaveLength(1);
  });

  it("answers 404 for another workspace's customer and for a colleague's customer to a rep, creating nothing", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    const theirs = await insertCustomer(admin.workspaceId, { ownerId: other.userId, domains: ["theirs.test"] });
    const stranger = await createTestWorkspace();
    expect((await log(stranger, item({ customerId: theirs }))).status).toBe(404);
    expect((await log(rep, item({ customerId: theirs }))).status).toBe(404);
    expect((await log(rep, item({ email: "x@theirs.test", createProspect: true }))).status).toBe(404);
    expect(await customersOf(admin.workspaceId)).toHaveLength(1);
    expect((await log(other, item({ customerId: theirs }))).status).toBe(201);
  });

  it("needs a token", async () => {
    expect((await call(null, "POST", "/api/v1/interactions", item())).status).toBe(401);
  });
});
