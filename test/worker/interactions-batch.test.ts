// POST /interactions/batch through the real worker: per-item results, duplicates within and across batches, limits.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { insertCustomer } from "./fixtures";
import { call, createTestWorkspace, db, type TestUser } from "./helpers";

type Result = {
  id: string | null;
  status: number;
  interaction?: { id: string; customerId: string; summary: string };
  error?: { code: string; details: { field: string }[] };
};
const item = (over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  kind: "email",
  occurredAt: "2026-01-02T11:00:00+08:00",
  summary: "Asked for a quote",
  ...over,
});
const batch = async (user: TestUser, items: unknown[]) => {
  const res = await call(user, "POST", "/api/v1/interactions/batch", { items });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Result[] }).results;
};
const stored = (ws: string) => db.select().from(schema.interactions).where(eq(schema.interactions.workspaceId, ws));
const customersOf = (ws: string) => db.select().from(schema.customers).where(eq(schema.customers.workspaceId, ws));
const fields = async (res: Response) =>
  ((await res.json()) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);

describe("POST /interactions/batch", () => {
  it("answers per item in order: 201, 400 naming items.N.field, 404", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId);
    const good = item({ customerId });
    const out = await batch(admin, [
      good,
      item({ customerId, kind: "fax" }),
      item({ email: "x@unknown.test" }),
      "junk",
      item({ customerId, occurredAt: "2099-01-01" }),
    ]);
    expect(out.map((r) => r.status)).toEqual([201, 400, 404, 400, 400]);
    expect(out[4]?.error?.details[0]?.field).toBe("items.4.occurredAt");
    expect(out[0]).toMatchObject({ id: good.id, interaction: { customerId } });
    expect(out[1]?.error?.details[0]?.field).toBe("items.1.kind");
    expect(out[3]).toMatchObject({ id: null, error: { code: "validation_failed" } });
  });

  it("handles duplicates inside one batch and across batches", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId);
    const a = item({ customerId });
    const b = item({ customerId });
    const first = await batch(admin, [a, a, b, { ...b, summary: "changed" }]);
    expect(first.map((r) => r.status)).toEqual([201, 200, 201, 422]);
    expect(first[1]?.interaction).toEqual(first[0]?.interaction);
    const second = await batch(admin, [b, a, { ...a, kind: "call" }]);
    expect(second.map((r) => r.status)).toEqual([200, 200, 422]);
    const rows = await stored(admin.workspaceId);
    expect(rows.map((r) => r.summary).sort()).toEqual(["Asked for a quote", "Asked for a quote"]);
  });

  it("creates one prospect for several new addresses of the same domain in one batch", async () => {
    const admin = await createTestWorkspace();
    const out = await batch(admin, [
      item({ email: "a@fresh.test", createProspect: true }),
      item({ email: "b@fresh.test", createProspect: true }),
      item({ email: "a@fresh.test" }),
    ]);
    expect(out.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(out.map((r) => r.interaction?.customerId)).size).toBe(1);
    expect(await customersOf(admin.workspaceId)).toHaveLength(1);
    const contacts = await db.select().from(schema.contacts).where(eq(schema.contacts.workspaceId, admin.workspaceId));
    expect(contacts.map((c) => c.email)).toEqual(["a@fresh.test"]);
  });

  it("refuses a body that is not a list of 1–100 items", async () => {
    const admin = await createTestWorkspace();
    for (const items of [undefined, [], Array.from({ length: 101 }, () => item())]) {
      const res = await call(admin, "POST", "/api/v1/interactions/batch", { items });
      expect(res.status).toBe(400);
      expect(await fields(res)).toEqual(["items"]);
    }
  });

  it("logs 100 items in one request", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId, { domains: ["bulk.test"] });
    const items = Array.from({ length: 100 }, (_, i) => item(i % 2 ? { customerId } : { email: `p${i}@bulk.test` }));
    const out = await batch(admin, items);
    expect(out.every((r) => r.status === 201)).toBe(true);
    const rows = await db
      .select()
      .from(schema.interactions)
      .where(
        and(eq(schema.interactions.workspaceId, admin.workspaceId), eq(schema.interactions.customerId, customerId)),
      );
    expect(rows).toHaveLength(100);
  });
});

describe("concurrent writes", () => {
  it("let exactly one of several simultaneous identical requests write; the others replay or conflict", async () => {
    const admin = await createTestWorkspace();
    const customerId = await insertCustomer(admin.workspaceId);
    const same = item({ customerId });
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => call(admin, "POST", "/api/v1/interactions", same).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([200, 200, 200, 200, 201]);
    const id = crypto.randomUUID();
    const mixed = await Promise.all(
      ["one", "two", "three"].map((summary) =>
        call(admin, "POST", "/api/v1/interactions", item({ id, customerId, summary })).then((r) => r.status),
      ),
    );
    expect(mixed.sort()).toEqual([201, 422, 422]);
    expect(await stored(admin.workspaceId)).toHaveLength(2);
  });

  it("create one prospect when two requests bring the same new address at once", async () => {
    const admin = await createTestWorkspace();
    const statuses = await Promise.all(
      [1, 2, 3].map(() =>
        call(admin, "POST", "/api/v1/interactions", item({ email: "new@race.test", createProspect: true })).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses).toEqual([201, 201, 201]);
    expect(
      await db.select().from(schema.customers).where(eq(schema.customers.workspaceId, admin.workspaceId)),
    ).toHaveLength(1);
    expect(await stored(admin.workspaceId)).toHaveLength(3);
  });
});
