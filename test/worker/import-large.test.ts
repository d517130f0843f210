// A 50,000-order import in one request: written in chunks inside D1's limits, re-run as all unchanged.
import { count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { call, createTestWorkspace, db } from "./helpers";

const ORDERS = 50_000;

it(`imports ${ORDERS.toLocaleString("en")} orders in one CSV request, then finds them all unchanged`, async () => {
  const admin = await createTestWorkspace();
  const customers = Array.from({ length: 500 }, (_, i) => ({ externalId: `C${i}`, name: `Customer ${i}` }));
  expect(await (await call(admin, "POST", "/api/v1/import/customers", customers)).json()).toMatchObject({
    created: 500,
  });
  const lines = ["external_id,customer_external_id,date,amount,cost,product,quantity"];
  for (let i = 0; i < ORDERS; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(
      `O${i},C${i % 500},2025-0${1 + (i % 9)}-${day},${(i % 9973) + 0.5},${i % 500}.25,P${i % 37},${1 + (i % 5)}`,
    );
  }
  const body = lines.join("\n");
  const started = performance.now();
  const res = await call(admin, "POST", "/api/v1/import/orders", body, { "Content-Type": "text/csv" });
  const took = performance.now() - started;
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ created: ORDERS, updated: 0, unchanged: 0, errors: [] });
  console.log(`import of ${ORDERS} orders (${(body.length / 1e6).toFixed(1)} MB CSV): ${Math.round(took)} ms`);
  const [stored] = await db
    .select({ n: count() })
    .from(schema.orders)
    .where(eq(schema.orders.workspaceId, admin.workspaceId));
  expect(stored?.n).toBe(ORDERS);

  const again = performance.now();
  const second = await call(admin, "POST", "/api/v1/import/orders", body, { "Content-Type": "text/csv" });
  expect(await second.json()).toEqual({ created: 0, updated: 0, unchanged: ORDERS, errors: [] });
  console.log(`re-import, all unchanged: ${Math.round(performance.now() - again)} ms`);
}, 60_000);
