// Bulk statements stay inside D1's limit of 100 bound parameters (local SQLite would not notice a breach).
import { expect, it } from "vitest";
import { rowsPerStatement, upserts } from "../../worker/src/db/bulk";
import * as schema from "../../worker/src/db/schema";
import { db } from "./helpers";

it("binds at most 100 parameters per multi-row upsert, even with every column given", () => {
  const orders = Array.from({ length: 100 }, (_, i) => ({
    id: i + 1,
    workspaceId: "w",
    externalId: `O${i}`,
    customerId: "c",
    date: "2026-01-01",
    amount: 1,
    cost: 0,
    product: "p",
    quantity: 1,
  }));
  const statements = upserts(
    db,
    schema.orders,
    orders,
    [schema.orders.workspaceId, schema.orders.externalId],
    ["amount"],
  );
  expect(statements).toHaveLength(Math.ceil(100 / rowsPerStatement(schema.orders)));
  for (const s of statements)
    expect((s as unknown as { toSQL(): { params: unknown[] } }).toSQL().params.length).toBeLessThanOrEqual(100);

  const customers = Array.from({ length: 20 }, (_, i) => ({
    id: `c${i}`,
    workspaceId: "w",
    externalId: `C${i}`,
    name: "n",
    ratings: { a: "b" },
    attributes: { x: 1 },
    creditLimit: 1,
    wallet: 1,
    serviceCost: 1,
    createdAt: "2026-01-01",
    updatedAt: "2026-01-01",
  }));
  for (const s of upserts(
    db,
    schema.customers,
    customers,
    [schema.customers.workspaceId, schema.customers.externalId],
    ["name"],
  )) {
    expect((s as unknown as { toSQL(): { params: unknown[] } }).toSQL().params.length).toBeLessThanOrEqual(100);
  }
});
