// The worker boots with the real migrations and answers its health check.
import { expect, it } from "vitest";
import { call, createTestWorkspace, db } from "./helpers";

it("answers the health check", async () => {
  const res = await call(null, "GET", "/health");
  expect(await res.json()).toEqual({ ok: true });
});

it("has every table of the data model after the migrations", async () => {
  await createTestWorkspace();
  const rows = await db.all<{ name: string }>("select name from sqlite_master where type = 'table'" as never);
  const names = rows.map((r) => r.name);
  for (const table of [
    "workspaces",
    "users",
    "customers",
    "orders",
    "invoices",
    "interactions",
    "grades",
    "grade_history",
    "scoring_configs",
    "audit_log",
  ]) {
    expect(names).toContain(table);
  }
});
