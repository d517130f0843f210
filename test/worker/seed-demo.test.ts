// The demo data through the real import API: every row accepted, a regrade grades all 200 customers, and
// importing the same data again creates nothing.
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { generateDemo } from "../../scripts/seed/generate";
import * as schema from "../../worker/src/db/schema";
import { call, createTestUser, createTestWorkspace, db } from "./helpers";

const TYPES = ["customers", "contacts", "orders", "invoices", "opportunities", "interactions"] as const;

it("imports the demo without a row error, grades it, and re-imports it as all unchanged", async () => {
  const admin = await createTestWorkspace("Demo Trading Co.");
  const rep = await createTestUser(admin.workspaceId, "rep");
  const demo = generateDemo({ anchorDate: "2026-03-01", owners: [admin.email, rep.email] });
  for (const type of TYPES) {
    const res = await call(admin, "POST", `/api/v1/import/${type}`, demo[type]);
    expect(await res.json()).toEqual({ created: demo[type].length, updated: 0, unchanged: 0, errors: [] });
  }
  const first = (await (await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-03-01" })).json()) as {
    graded: number;
    tookMs: number;
  };
  expect(first.graded).toBe(200);
  console.log(`demo regrade: ${first.graded} customers in ${first.tookMs} ms`);
  const grades = await db.select().from(schema.grades).where(eq(schema.grades.workspaceId, admin.workspaceId));
  const tiers = new Set(grades.map((g) => g.tier));
  expect(tiers).toEqual(new Set(["A", "B", "C"]));
  expect(grades.some((g) => g.credit === "hold")).toBe(true);
  for (const type of TYPES) {
    const res = await call(admin, "POST", `/api/v1/import/${type}`, demo[type]);
    expect(await res.json()).toEqual({ created: 0, updated: 0, unchanged: demo[type].length, errors: [] });
  }
  const again = await (await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-03-01" })).json();
  expect(again).toMatchObject({ graded: 200, changed: 0 });
}, 60_000);
