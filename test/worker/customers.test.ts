// One customer through the real worker: the detail with grade and activity, PATCH of manual fields, visibility.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { insertCustomer, suggestion } from "./fixtures";
import { call, createTestUser, createTestWorkspace, db } from "./helpers";

type ErrorBody = { error: { details: { field: string }[] } };
const fieldsOf = async (res: Response) => ((await res.json()) as ErrorBody).error.details.map((d) => d.field);

describe("GET /customers/{id}", () => {
  it("answers the customer with contacts, domains, grade, suggestions and activity; amounts in major units", async () => {
    const admin = await createTestWorkspace();
    const sugg = [suggestion("collect-overdue", 1), suggestion("follow-up-due", 3)];
    const id = await insertCustomer(admin.workspaceId, {
      name: "Echo",
      emails: ["e@echo.test"],
      domains: ["echo.test"],
      creditLimit: 500000,
      grade: { tier: "A", suggestions: sugg },
    });
    const ws = admin.workspaceId;
    await db.batch([
      db
        .insert(schema.orders)
        .values({ workspaceId: ws, customerId: id, date: "2025-12-01", amount: 123456, cost: 100000 }),
      db.insert(schema.invoices).values({ workspaceId: ws, customerId: id, dueDate: "2020-01-01", amount: 5000 }),
      ...Array.from({ length: 55 }, (_, i) =>
        db.insert(schema.invoices).values({
          workspaceId: ws,
          customerId: id,
          dueDate: `2025-0${1 + (i % 9)}-10`,
          amount: 100,
          paidDate: "2025-01-01",
          paidAmount: 100,
        }),
      ),
      db.insert(schema.interactions).values({
        workspaceId: ws,
        id: crypto.randomUUID(),
        customerId: id,
        kind: "call",
        occurredAt: "2025-12-02T10:00:00.000Z",
        summary: "Called",
      }),
      db.insert(schema.opportunities).values({
        id: crypto.randomUUID(),
        workspaceId: ws,
        customerId: id,
        name: "Renewal",
        stage: "proposal",
        amount: 99999,
      }),
    ]);
    const res = await call(admin, "GET", `/api/v1/customers/${id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { invoices: { dueDate: string; amount: number }[] };
    expect(body).toMatchObject({
      customer: { id, name: "Echo", creditLimit: 5000, legalVerified: false },
      contacts: [{ email: "e@echo.test" }],
      domains: ["echo.test"],
      grade: { tier: "A", customerId: id },
      suggestions: sugg,
      interactions: [{ kind: "call", summary: "Called" }],
      orders: [{ amount: 1234.56, cost: 1000 }],
      opportunities: [{ name: "Renewal", amount: 999.99 }],
    });
    expect(body.invoices).toHaveLength(51);
    expect(body.invoices[0]).toMatchObject({ dueDate: "2020-01-01", amount: 50 });
    expect(JSON.stringify(body)).not.toContain("workspaceId");
  });

  it("answers grade null for a customer not graded yet", async () => {
    const admin = await createTestWorkspace();
    const id = await insertCustomer(admin.workspaceId, { grade: null });
    expect(await (await call(admin, "GET", `/api/v1/customers/${id}`)).json()).toMatchObject({
      grade: null,
      suggestions: [],
    });
  });

  it("answers 404 for another rep's customer, another workspace's and an unknown id", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    const theirs = await insertCustomer(admin.workspaceId, { ownerId: other.userId });
    const unowned = await insertCustomer(admin.workspaceId);
    expect((await call(rep, "GET", `/api/v1/customers/${theirs}`)).status).toBe(404);
    expect((await call(rep, "GET", `/api/v1/customers/${unowned}`)).status).toBe(200);
    const manager = await createTestUser(admin.workspaceId, "manager");
    expect((await call(manager, "GET", `/api/v1/customers/${theirs}`)).status).toBe(200);
    const stranger = await createTestWorkspace();
    expect((await call(stranger, "GET", `/api/v1/customers/${theirs}`)).status).toBe(404);
    expect((await call(admin, "GET", "/api/v1/customers/nope")).status).toBe(404);
  });
});

describe("PATCH /customers/{id}", () => {
  const version = async (ws: string) =>
    (await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, ws)))[0]?.dataVersion;

  it("changes the manual fields exactly, merges ratings and attributes, audits, and bumps the version on owner change", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const id = await insertCustomer(admin.workspaceId);
    await db
      .update(schema.customers)
      .set({ ratings: { relationship: "close", strength: "weak" }, attributes: { a: 1 } })
      .where(eq(schema.customers.id, id));
    const before = await version(admin.workspaceId);
    const res = await call(admin, "PATCH", `/api/v1/customers/${id}`, {
      ownerId: rep.userId,
      ratings: { strength: "strong", relationship: null },
      legalVerified: true,
      creditLimit: 1234.29,
      wallet: 0.29,
      attributes: { b: "x" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      customer: {
        ownerId: rep.userId,
        ratings: { strength: "strong" },
        legalVerified: true,
        creditLimit: 1234.29,
        wallet: 0.29,
        attributes: { a: 1, b: "x" },
      },
    });
    const [row] = await db.select().from(schema.customers).where(eq(schema.customers.id, id));
    expect(row).toMatchObject({ creditLimit: 123429, wallet: 29, ratings: { strength: "strong" } });
    expect(await version(admin.workspaceId)).toBe((before ?? 0) + 1);
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, id));
    expect(audit).toMatchObject([{ action: "customer.update", userId: admin.userId }]);
    await call(admin, "PATCH", `/api/v1/customers/${id}`, { creditLimit: null });
    expect(await version(admin.workspaceId)).toBe((before ?? 0) + 1);
  });

  it("names each invalid field", async () => {
    const admin = await createTestWorkspace();
    const stranger = await createTestWorkspace();
    const id = await insertCustomer(admin.workspaceId);
    const patch = (body: unknown) => call(admin, "PATCH", `/api/v1/customers/${id}`, body);
    expect(await fieldsOf(await patch({ creditLimit: 1.234 }))).toEqual(["creditLimit"]);
    expect(await fieldsOf(await patch({ wallet: -1 }))).toEqual(["wallet"]);
    expect(await fieldsOf(await patch({ legalVerified: "yes" }))).toEqual(["legalVerified"]);
    expect(await fieldsOf(await patch({ ratings: { x: 5 } }))).toEqual(["ratings.x"]);
    expect(await fieldsOf(await patch({ ownerId: stranger.userId }))).toEqual(["ownerId"]);
    expect((await patch({ name: "Renamed" })).status).toBe(400);
    expect((await patch({})).status).toBe(400);
  });

  it("lets a rep claim an unowned customer but not give it away or touch another rep's", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    const unowned = await insertCustomer(admin.workspaceId);
    const theirs = await insertCustomer(admin.workspaceId, { ownerId: other.userId });
    expect((await call(rep, "PATCH", `/api/v1/customers/${unowned}`, { ownerId: other.userId })).status).toBe(403);
    expect((await call(rep, "PATCH", `/api/v1/customers/${unowned}`, { ownerId: rep.userId })).status).toBe(200);
    expect((await call(rep, "PATCH", `/api/v1/customers/${theirs}`, { legalVerified: true })).status).toBe(404);
    const manager = await createTestUser(admin.workspaceId, "manager");
    expect((await call(manager, "PATCH", `/api/v1/customers/${theirs}`, { ownerId: rep.userId })).status).toBe(200);
  });

  it("answers 404 across workspaces and leaves the customer unchanged", async () => {
    const admin = await createTestWorkspace();
    const stranger = await createTestWorkspace();
    const id = await insertCustomer(admin.workspaceId);
    expect((await call(stranger, "PATCH", `/api/v1/customers/${id}`, { legalVerified: true })).status).toBe(404);
    const [row] = await db.select().from(schema.customers).where(eq(schema.customers.id, id));
    expect(row?.legalVerified).toBe(false);
  });
});
