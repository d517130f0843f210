// Bulk statements stay inside D1's limits (local SQLite would not notice a breach): at most 100 bound parameters
// and 100 KB of SQL text per statement, the rows travelling as one JSON value of at most about 1 MB.
import { expect, it } from "vitest";
import { D1_MAX_PARAMS } from "../../worker/src/db/bulk";
import {
  JSON_CHUNK_BYTES,
  JSON_CHUNK_ROWS,
  jsonChunks,
  jsonInsert,
  jsonLayout,
  jsonUpsert,
  utf8Length,
} from "../../worker/src/db/json-rows";
import * as schema from "../../worker/src/db/schema";
import { db } from "./helpers";

const query = (s: unknown) => (s as { getQuery(): { sql: string; params: unknown[] } }).getQuery();

it("binds the rows of a chunk as one JSON parameter, however many rows and columns", () => {
  const orders = Array.from({ length: 5_000 }, (_, i) => ({
    externalId: `O${i}`,
    customerId: "c",
    date: "2026-01-01",
    amount: i,
    cost: 0,
    product: "p",
    quantity: 1,
  }));
  const layout = jsonLayout(schema.orders, [
    "externalId",
    "customerId",
    "date",
    "amount",
    "cost",
    "product",
    "quantity",
  ]);
  const chunks = jsonChunks(orders, (o) => JSON.stringify(layout.encode(o)));
  expect(chunks.length).toBe(Math.ceil(5_000 / JSON_CHUNK_ROWS));
  for (const { json } of chunks) {
    const q = query(
      jsonUpsert(db, layout, { workspaceId: "w" }, json, ["workspaceId", "externalId"], ["amount", "date"]),
    );
    expect(q.params.length).toBeLessThanOrEqual(D1_MAX_PARAMS);
    expect(q.params).toHaveLength(2);
    expect(q.sql.length).toBeLessThan(100_000);
    expect(q.sql).toContain("json_each(?)");
    expect(utf8Length(json)).toBeLessThanOrEqual(JSON_CHUNK_BYTES);
  }
  const customers = jsonLayout(schema.customers, ["id", "externalId", "name", "ratings", "attributes", "wallet"]);
  const insert = query(jsonInsert(db, customers, { workspaceId: "w" }, "[]", true));
  expect(insert.params).toHaveLength(2);
});

it("splits chunks by UTF-8 bytes as well as rows; a single huge row gets its own chunk", () => {
  const rows = Array.from({ length: 30 }, (_, i) => "汉".repeat(i === 10 ? 400_000 : 20_000));
  const chunks = jsonChunks(rows, (r) => JSON.stringify([r]));
  expect(chunks.flatMap((c) => c.items)).toEqual(rows);
  for (const c of chunks) {
    expect(utf8Length(c.json) <= JSON_CHUNK_BYTES || c.items.length === 1).toBe(true);
    expect(JSON.parse(c.json)).toHaveLength(c.items.length);
  }
  expect(chunks.some((c) => c.items.length === 1 && c.items[0] === rows[10])).toBe(true);
  expect(utf8Length("a汉😀")).toBe(new TextEncoder().encode("a汉😀").length);
});
