// POST /api/v1/regrade and the daily cron: deterministic grades for a fixed asOf, history only on change.

import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import worker from "../../worker/src/index";
import { hash53 } from "../../worker/src/jobs/grade-rows";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

/** Three customers: a big steady buyer, a small one, and one with a long-overdue invoice. */
async function seedSmallWorkspace(admin: TestUser) {
  const post = async (type: string, rows: unknown[]) => {
    const res = await call(admin, "POST", `/api/v1/import/${type}`, rows);
    expect(await res.json()).toMatchObject({ errors: [] });
  };
  await post("customers", [
    { externalId: "BIG", name: "Big Buyer Ltd", lifecycleStage: "qualified", legalVerified: true },
    { externalId: "SMALL", name: "Small Shop", lifecycleStage: "signed" },
    { externalId: "LATE", name: "Late Payer Co", lifecycleStage: "signed", creditLimit: 1000 },
  ]);
  const orders = [];
  for (let m = 1; m <= 12; m++) {
    const date = `2025-${String(m).padStart(2, "0")}-10`;
    orders.push({ externalId: `B${m}`, customerExternalId: "BIG", date, amount: 100000, cost: 60000, product: "A" });
    if (m % 4 === 0) orders.push({ externalId: `S${m}`, customerExternalId: "SMALL", date, amount: 2000, cost: 1500 });
  }
  orders.push({ externalId: "L1", customerExternalId: "LATE", date: "2025-06-01", amount: 5000, cost: 4000 });
  await post("orders", orders);
  await post("invoices", [
    { externalId: "IL1", customerExternalId: "LATE", dueDate: "2025-07-01", amount: 5000 },
    {
      externalId: "IB1",
      customerExternalId: "BIG",
      dueDate: "2025-11-10",
      amount: 100000,
      paidDate: "2025-11-01",
      paidAmount: 100000,
    },
  ]);
}

describe("regrade", () => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createTestWorkspace();
    await seedSmallWorkspace(admin);
  });

  const storedGrades = () =>
    db
      .select()
      .from(schema.grades)
      .where(eq(schema.grades.workspaceId, admin.workspaceId))
      .orderBy(asc(schema.grades.customerId));
  const history = () =>
    db.select().from(schema.gradeHistory).where(eq(schema.gradeHistory.workspaceId, admin.workspaceId));

  it("grades every customer, stores the grades and a first history snapshot each", async () => {
    const res = await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-01-01" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ graded: 3, changed: 3 });
    const rows = await storedGrades();
    expect(rows).toHaveLength(3);
    const late = rows.find((g) => (g.result as { credit: { rating: string } }).credit.rating === "hold");
    expect(late?.credit).toBe("hold");
    expect(await history()).toHaveLength(3);
  });

  it("changes nothing when run again for the same date, and grades identically", async () => {
    const before = await storedGrades();
    const [ws] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId));
    const res = await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-01-01" });
    expect(await res.json()).toMatchObject({ graded: 3, changed: 0 });
    const after = await storedGrades();
    expect(after.map((g) => [g.customerId, g.hash, g.result])).toEqual(
      before.map((g) => [g.customerId, g.hash, g.result]),
    );
    expect(await history()).toHaveLength(3);
    const [wsAfter] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId));
    expect(wsAfter?.dataVersion).toBe(ws?.dataVersion);
  });

  it("appends history only for customers whose summary changed", async () => {
    await call(admin, "POST", "/api/v1/import/invoices", [
      {
        externalId: "IL1",
        customerExternalId: "LATE",
        dueDate: "2025-07-01",
        amount: 5000,
        paidDate: "2025-07-01",
        paidAmount: 5000,
      },
    ]);
    const result = await regradeWorkspace(db, admin.workspaceId, "2026-01-01");
    expect(result.changed).toBeGreaterThanOrEqual(1);
    const rows = await history();
    const added = rows.length - 3;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(result.changed);
  });

  it("rewrites a grade when any part of it changes, one cent of revenue included; each hash is the stored JSON's", async () => {
    const big = async () => {
      const rows = await storedGrades();
      return rows.find((g) => (g.result as { facts: { revenue: number } }).facts.revenue >= 1_000_000);
    };
    const before = await big();
    await call(admin, "POST", "/api/v1/import/orders", [
      { externalId: "B1", customerExternalId: "BIG", date: "2025-01-10", amount: 100000.01, cost: 60000, product: "A" },
    ]);
    const result = await regradeWorkspace(db, admin.workspaceId, "2026-01-01");
    expect(result.changed).toBeGreaterThanOrEqual(1);
    const after = await big();
    expect(after?.customerId).toBe(before?.customerId);
    expect(after?.hash).not.toBe(before?.hash);
    const revenue = (g: typeof after) =>
      (g?.result as { facts: { revenue: number } } | undefined)?.facts.revenue ?? Number.NaN;
    expect(revenue(after)).toBe(revenue(before) + 1);
    for (const g of await storedGrades()) expect(g.hash).toBe(hash53(JSON.stringify(g.result)));
  });

  it("rejects an impossible date and lets managers but not reps regrade", async () => {
    const bad = await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-02-30" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { details: [{ field: "asOf" }] } });
    const manager = await createTestUser(admin.workspaceId, "manager");
    expect((await call(manager, "POST", "/api/v1/regrade")).status).toBe(200);
    const rep = await createTestUser(admin.workspaceId, "rep");
    expect((await call(rep, "POST", "/api/v1/regrade", {})).status).toBe(403);
  });
});

describe("the daily cron", () => {
  it("grades every workspace, one workspace's failure not stopping the others", async () => {
    const broken = await createTestWorkspace("Cron broken");
    await db
      .update(schema.workspaces)
      .set({ activeConfigVersion: 99 })
      .where(eq(schema.workspaces.id, broken.workspaceId));
    const a = await createTestWorkspace("Cron A");
    const b = await createTestWorkspace("Cron B");
    await call(a, "POST", "/api/v1/import/customers", [{ externalId: "A1", name: "A one" }]);
    await call(b, "POST", "/api/v1/import/customers", [
      { externalId: "B1", name: "B one" },
      { externalId: "B2", name: "B two" },
    ]);
    const controller = createScheduledController({
      scheduledTime: Date.parse("2026-03-01T02:00:00Z"),
      cron: "0 2 * * *",
    });
    const ctx = createExecutionContext();
    await worker.scheduled(controller, env, ctx);
    await waitOnExecutionContext(ctx);
    for (const [ws, n] of [
      [a.workspaceId, 1],
      [b.workspaceId, 2],
    ] as const) {
      const rows = await db.select().from(schema.grades).where(eq(schema.grades.workspaceId, ws));
      expect(rows).toHaveLength(n);
      expect(rows.every((g) => g.asOf === "2026-03-01")).toBe(true);
    }
  });
});

describe("data_version and the lookup ETag", () => {
  it("a regrade that changes a tier makes the old ETag answer 200; one that changes nothing keeps 304", async () => {
    const user = await createTestWorkspace("ETag Co.");
    await call(user, "POST", "/api/v1/import/customers", [
      { externalId: "E1", name: "Grower", lifecycleStage: "qualified", legalVerified: true, domains: ["grower.test"] },
      { externalId: "E2", name: "Idle", lifecycleStage: "signed" },
    ]);
    await call(user, "POST", "/api/v1/import/contacts", [
      { customerExternalId: "E1", name: "Buyer", email: "buyer@grower.test", role: "buyer" },
    ]);
    const lookup = (etag?: string) =>
      call(user, "POST", "/api/v1/lookup", { emails: ["buyer@grower.test"] }, etag ? { "If-None-Match": etag } : {});
    const tierNow = async () =>
      ((await (await lookup()).json()) as { results: { customer: { tier: string } }[] }).results[0]?.customer.tier;
    await call(user, "POST", "/api/v1/regrade", { asOf: "2026-01-01" });
    const before = await tierNow();
    const etag = (await lookup()).headers.get("ETag") ?? "";
    expect((await lookup(etag)).status).toBe(304);
    expect(await (await call(user, "POST", "/api/v1/regrade", { asOf: "2026-01-01" })).json()).toMatchObject({
      changed: 0,
    });
    expect((await lookup(etag)).status).toBe(304);

    const orders = Array.from({ length: 12 }, (_, m) => ({
      externalId: `G${m}`,
      customerExternalId: "E1",
      date: `2025-${String(m + 1).padStart(2, "0")}-15`,
      amount: 900_000,
      cost: 300_000,
      product: "Plant",
    }));
    await call(user, "POST", "/api/v1/import/orders", orders);
    expect((await lookup(etag)).status).toBe(304); // orders alone change no lookup answer until graded
    await call(user, "POST", "/api/v1/regrade", { asOf: "2026-01-01" });
    const after = await lookup(etag);
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect(await tierNow()).not.toBe(before);
  });
});
