// Values travel to D1 inside one JSON parameter (json_each): awkward text, JSON objects, booleans and domain
// sets must come back exactly as sent, and a second import of the same rows must find them all unchanged.
import { and, asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { call, createTestWorkspace, db } from "./helpers";

const AWKWARD = [
  `quote " backslash \\ slash / tab \t newline \n`,
  "emoji 😀 and 汉字 and é",
  'looks like JSON: {"a": [1, 2]}',
  "null",
  "  ",
  "'; DROP TABLE customers; --",
  "\u2028\u2029 separators",
  "nul \u0000 and control \u0001",
];

it("stores awkward text, nested JSON, booleans and domains exactly, and re-imports them as unchanged", async () => {
  const admin = await createTestWorkspace();
  const rows = AWKWARD.map((text, i) => ({
    externalId: `J${i}`,
    name: `${text}#${i}`,
    industry: text.trim() ? text : null,
    legalVerified: i % 2 === 0,
    creditLimit: i * 1000.5,
    ratings: { relationship: "strong", [`k${i}`]: text.slice(0, 50) || "x" },
    attributes: { nested: { list: [1, "two", null, { deep: text }] }, n: i / 3 },
    domains: [`d${i}.example.test`, `x${i}.example.test`],
  }));
  const first = await call(admin, "POST", "/api/v1/import/customers", rows);
  expect(await first.json()).toEqual({ created: rows.length, updated: 0, unchanged: 0, errors: [] });
  const stored = await db
    .select()
    .from(schema.customers)
    .where(eq(schema.customers.workspaceId, admin.workspaceId))
    .orderBy(asc(schema.customers.externalId));
  for (const [i, c] of stored.entries()) {
    const sent = rows[i];
    expect(c.name).toBe(sent?.name.trim());
    expect(c.legalVerified).toBe(sent?.legalVerified);
    expect(c.creditLimit).toBe(Math.round((sent?.creditLimit ?? 0) * 100));
    expect(c.ratings).toEqual(sent?.ratings);
    expect(c.attributes).toEqual(sent?.attributes);
  }
  const domains = await db
    .select({ domain: schema.customerDomains.domain })
    .from(schema.customerDomains)
    .where(and(eq(schema.customerDomains.workspaceId, admin.workspaceId)));
  expect(domains).toHaveLength(rows.length * 2);
  const again = await call(admin, "POST", "/api/v1/import/customers", rows);
  expect(await again.json()).toEqual({ created: 0, updated: 0, unchanged: rows.length, errors: [] });
  // A changed domain set replaces the old one in the same chunk.
  const moved = await call(admin, "POST", "/api/v1/import/customers", [{ ...rows[0], domains: ["new0.example.test"] }]);
  expect(await moved.json()).toMatchObject({ updated: 1 });
  const left = await db
    .select({ domain: schema.customerDomains.domain })
    .from(schema.customerDomains)
    .where(eq(schema.customerDomains.workspaceId, admin.workspaceId));
  expect(left.map((d) => d.domain)).toContain("new0.example.test");
  expect(left.map((d) => d.domain)).not.toContain("d0.example.test");
  expect(left).toHaveLength(rows.length * 2 - 1);
});

it("stores a lone surrogate (from a JSON escape) as U+FFFD, so the same row re-imports as unchanged", async () => {
  const admin = await createTestWorkspace();
  const rows = [{ externalId: "S\ud800", name: "lone \udfff here" }];
  expect(await (await call(admin, "POST", "/api/v1/import/customers", rows)).json()).toMatchObject({ created: 1 });
  expect(await (await call(admin, "POST", "/api/v1/import/customers", rows)).json()).toMatchObject({ unchanged: 1 });
  const [c] = await db.select().from(schema.customers).where(eq(schema.customers.workspaceId, admin.workspaceId));
  expect([c?.externalId, c?.name]).toEqual(["S\ufffd", "lone \ufffd here"]);
});
