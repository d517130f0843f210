// POST /api/v1/import/{type}: CSV and JSON rows, row errors, upsert counting, dry runs, roles and isolation.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

const csv = (user: TestUser, type: string, body: string, query = "") =>
  call(user, "POST", `/api/v1/import/${type}${query}`, body, { "Content-Type": "text/csv; charset=utf-8" });

const customersCsv = [
  "external_id,name,kind,nature,industry,region,owner_email,domains,legal_verified,credit_limit,wallet,ratings",
  'C1,上海恒远精密机械有限公司,enterprise,private,制造,华东,,hengyuan.cn;hy-precision.com,true,"1,000,000.50",,"{""relationship"":""strong""}"',
  "C2,Bad Kind Ltd,wizard,private,IT,华南,,,false,12.345,,",
  "C3,Northwind Trading,intermediary,foreign,零售,overseas,,gmail.com,false,,,",
  "C4,深圳飞达物流有限公司,enterprise,soe,物流,华南,,feida-logistics.cn,no,500000,800000,",
].join("\n");

async function customerRows(workspaceId: string) {
  return db.select().from(schema.customers).where(eq(schema.customers.workspaceId, workspaceId));
}

describe("CSV import of customers", () => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createTestWorkspace();
  });

  it("writes the good rows, names the row and column of every bad one, and writes none of them", async () => {
    const res = await csv(admin, "customers", customersCsv);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { created: number; errors: { row: number; field: string }[] };
    expect(body.created).toBe(2);
    expect(body.errors).toEqual([
      { row: 2, field: "kind", message: expect.any(String) },
      {
        row: 2,
        field: "credit_limit",
        message: "Expected a decimal amount with at most 2 decimal places, such as 1234.50.",
      },
      { row: 3, field: "domains.0", message: expect.stringContaining("free-mail") },
    ]);
    const rows = await customerRows(admin.workspaceId);
    expect(rows.map((r) => r.externalId).sort()).toEqual(["C1", "C4"]);
    const c1 = rows.find((r) => r.externalId === "C1")!;
    expect(c1).toMatchObject({ creditLimit: 100000050, legalVerified: true, ratings: { relationship: "strong" } });
    const domains = await db
      .select({ domain: schema.customerDomains.domain })
      .from(schema.customerDomains)
      .where(eq(schema.customerDomains.customerId, c1.id));
    expect(domains.map((d) => d.domain).sort()).toEqual(["hengyuan.cn", "hy-precision.com"]);
  });

  it("counts a second identical import as unchanged and a changed row as updated", async () => {
    const again = (await (await csv(admin, "customers", customersCsv)).json()) as Record<string, number>;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = customersCsv.replace("500000,800000", "600000,800000");
    const third = (await (await csv(admin, "customers", changed)).json()) as Record<string, number>;
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [c4] = (await customerRows(admin.workspaceId)).filter((r) => r.externalId === "C4");
    expect(c4?.creditLimit).toBe(60000000);
  });

  it("rejects a header with an unknown or missing column before reading any row", async () => {
    const res = await csv(admin, "customers", "external_id,nmae\nC9,x");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { field: string }[] } };
    expect(body.error.details.map((d) => d.field).sort()).toEqual(["name", "nmae"]);
  });

  it("reports a row with too many cells, counting rows after the header from 1", async () => {
    const res = await csv(admin, "customers", "external_id,name\nC10,Ten\nC11,Eleven,extra\n\nC12,Twelve\n");
    const body = (await res.json()) as { created: number; errors: { row: number; field: string | null }[] };
    expect(body.created).toBe(2);
    expect(body.errors).toEqual([{ row: 2, field: null, message: "Expected 2 cells as in the header, got 3." }]);
  });
});

describe("JSON import of orders, invoices, contacts and interactions", () => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createTestWorkspace();
    await call(admin, "POST", "/api/v1/import/customers", [
      { externalId: "K1", name: "Alpha Pharma", industry: "医药", domains: ["alpha-pharma.com"] },
      { externalId: "K2", name: "Beta Build" },
    ]);
  });

  it("stores amounts exactly in minor units and refers to customers by external id", async () => {
    const res = await call(admin, "POST", "/api/v1/import/orders", [
      {
        externalId: "O1",
        customerExternalId: "K1",
        date: "2026-01-15",
        amount: 1234.5,
        cost: "800.25",
        product: "阀门",
      },
      { externalId: "O2", customerExternalId: "NOPE", date: "2026-01-16", amount: 10 },
      { externalId: "O3", customerExternalId: "K2", date: "2026-02-30", amount: 0.1 },
      { externalId: "O4", customerExternalId: "K2", date: "2026-03-01T23:30:00+08:00", amount: 0.29, quantity: 3 },
      { externalId: "O1", customerExternalId: "K2", date: "2026-03-02", amount: 1 },
    ]);
    const body = (await res.json()) as { created: number; errors: { row: number; field: string; message: string }[] };
    expect(body.created).toBe(2);
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "customerExternalId"],
      [3, "date"],
      [5, "externalId"],
    ]);
    const stored = await db
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.workspaceId, admin.workspaceId))
      .orderBy(schema.orders.externalId);
    expect(stored.map((o) => [o.externalId, o.amount, o.cost, o.date])).toEqual([
      ["O1", 123450, 80025, "2026-01-15"],
      ["O4", 29, 0, "2026-03-01"],
    ]);
  });

  it("checks that an invoice's order exists and belongs to the same customer", async () => {
    const res = await call(admin, "POST", "/api/v1/import/invoices", [
      { externalId: "I1", customerExternalId: "K1", orderExternalId: "O1", dueDate: "2026-02-15", amount: 1234.5 },
      { externalId: "I2", customerExternalId: "K2", orderExternalId: "O1", dueDate: "2026-02-15", amount: 1 },
      { externalId: "I3", customerExternalId: "K2", orderExternalId: "O9", dueDate: "2026-02-15", amount: 1 },
      {
        externalId: "I4",
        customerExternalId: "K2",
        dueDate: "2026-02-15",
        amount: 1,
        paidDate: "2026-02-10",
        paidAmount: 1,
      },
    ]);
    const body = (await res.json()) as { created: number; errors: { row: number; field: string }[] };
    expect(body.created).toBe(2);
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "orderExternalId"],
      [3, "orderExternalId"],
    ]);
  });

  it("upserts contacts by email and bumps the workspace's data version", async () => {
    const version = async () =>
      (await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId)))[0]!.dataVersion;
    const before = await version();
    const rows = [{ customerExternalId: "K1", name: "王芳", email: "Wang.Fang@Alpha-Pharma.com", role: "decider" }];
    expect(await (await call(admin, "POST", "/api/v1/import/contacts", rows)).json()).toMatchObject({ created: 1 });
    expect(await version()).toBe(before + 1);
    expect(await (await call(admin, "POST", "/api/v1/import/contacts", rows)).json()).toMatchObject({ unchanged: 1 });
    expect(await version()).toBe(before + 1);
    const moved = [{ ...rows[0], customerExternalId: "K2" }];
    expect(await (await call(admin, "POST", "/api/v1/import/contacts", moved)).json()).toMatchObject({ updated: 1 });
    const [contact] = await db
      .select()
      .from(schema.contacts)
      .where(
        and(
          eq(schema.contacts.workspaceId, admin.workspaceId),
          eq(schema.contacts.email, "wang.fang@alpha-pharma.com"),
        ),
      );
    expect(contact?.role).toBe("decider");
  });

  it("treats an interaction id as an idempotency key: same content unchanged, other content a row error", async () => {
    const item = {
      id: "6f1c1b9e-2f0a-4c8e-9a57-0d6f3a3d2b11",
      customerExternalId: "K1",
      kind: "email",
      occurredAt: "2026-03-01T09:00:00+08:00",
      summary: "询价：阀门 200 件",
      direction: "in",
    };
    const first = await call(admin, "POST", "/api/v1/import/interactions", [item]);
    expect(await first.json()).toMatchObject({ created: 1, errors: [] });
    const replay = await call(admin, "POST", "/api/v1/import/interactions", [
      { ...item, occurredAt: "2026-03-01T01:00:00Z" },
    ]);
    expect(await replay.json()).toMatchObject({ created: 0, unchanged: 1, errors: [] });
    const conflict = await call(admin, "POST", "/api/v1/import/interactions", [{ ...item, summary: "other" }]);
    expect(await conflict.json()).toMatchObject({ unchanged: 0, errors: [{ row: 1, field: "id" }] });
  });

  it("refuses an interaction dated more than a day ahead as a row error and imports the rest", async () => {
    const base = { customerExternalId: "K1", kind: "call", summary: "电话回访" };
    const past = { ...base, id: crypto.randomUUID(), occurredAt: "2026-03-02" };
    const typo = { ...base, id: crypto.randomUUID(), occurredAt: "2099-03-02" };
    const res = await call(admin, "POST", "/api/v1/import/interactions", [past, typo]);
    expect(await res.json()).toMatchObject({
      created: 1,
      errors: [{ row: 2, field: "occurredAt", message: "Must not be more than a day after now." }],
    });
    const ids = (
      await db.select().from(schema.interactions).where(eq(schema.interactions.workspaceId, admin.workspaceId))
    ).map((i) => i.id);
    expect(ids).toContain(past.id);
    expect(ids).not.toContain(typo.id);
  });

  it("validates and counts on a dry run but writes nothing", async () => {
    const rows = [
      {
        externalId: "P1",
        customerExternalId: "K1",
        name: "年度框架",
        stage: "proposal",
        amount: 50000,
        expectedClose: "2026-06-30",
      },
    ];
    const dry = await call(admin, "POST", "/api/v1/import/opportunities?dryRun=true", rows);
    expect(await dry.json()).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    const stored = await db
      .select()
      .from(schema.opportunities)
      .where(eq(schema.opportunities.workspaceId, admin.workspaceId));
    expect(stored).toHaveLength(0);
    const real = await call(admin, "POST", "/api/v1/import/opportunities", rows);
    expect(await real.json()).toMatchObject({ created: 1 });
  });

  it("writes one audit entry per import with the counts", async () => {
    const entries = await db.select().from(schema.auditLog).where(eq(schema.auditLog.workspaceId, admin.workspaceId));
    const orders = entries.find((e) => e.targetId === "orders");
    expect(orders).toMatchObject({ action: "import", details: { type: "orders", created: 2, errors: 3 } });
  });
});

describe("import guards", () => {
  it("answers 415 for a body that is neither CSV nor JSON", async () => {
    const admin = await createTestWorkspace();
    const res = await call(admin, "POST", "/api/v1/import/customers", "<xml/>", { "Content-Type": "application/xml" });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
  });

  it("answers 403 to managers and reps, and 404 to an unknown record type", async () => {
    const admin = await createTestWorkspace();
    for (const role of ["manager", "rep"] as const) {
      const user = await createTestUser(admin.workspaceId, role);
      expect((await call(user, "POST", "/api/v1/import/customers", [])).status).toBe(403);
    }
    expect((await call(admin, "POST", "/api/v1/import/products", [])).status).toBe(404);
  });

  it("answers 413 when the body declares more than the limit", async () => {
    const admin = await createTestWorkspace();
    const res = await call(admin, "POST", "/api/v1/import/customers", "[]", {
      "Content-Type": "application/json",
      "Content-Length": String(64 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it("keeps the same external id in two workspaces apart", async () => {
    const a = await createTestWorkspace("A");
    const b = await createTestWorkspace("B");
    await call(a, "POST", "/api/v1/import/customers", [{ externalId: "X1", name: "A's customer" }]);
    const res = await call(b, "POST", "/api/v1/import/customers", [{ externalId: "X1", name: "B's customer" }]);
    expect(await res.json()).toMatchObject({ created: 1, updated: 0 });
    const order = [{ externalId: "OX", customerExternalId: "X1", date: "2026-01-01", amount: 5 }];
    await call(b, "POST", "/api/v1/import/orders", order);
    expect((await customerRows(a.workspaceId))[0]?.name).toBe("A's customer");
    const aOrders = await db.select().from(schema.orders).where(eq(schema.orders.workspaceId, a.workspaceId));
    expect(aOrders).toHaveLength(0);
  });
});
