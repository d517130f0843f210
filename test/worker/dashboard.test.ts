// The dashboard reads the report a regrade stores (workspace_reports) and indexed grade queries; it never grades.

import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { complianceQuery } from "../../worker/src/admin/dashboard/data";
import * as schema from "../../worker/src/db/schema";
import type { WorkspaceReport } from "../../worker/src/jobs/workspace-report";
import { csrfIn, type Jar, page, sessionFor } from "./admin-helpers";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

let admin: TestUser;
let rep: TestUser;
let jar: Jar;
/** `YYYY-MM-DD` `days` from today (Regrade now grades as of today). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const kpiCustomers = (html: string) => Number(/<b>(\d+)<\/b><span>Customers graded/.exec(html)?.[1]);
const storedReport = async () => {
  const [row] = await db
    .select()
    .from(schema.workspaceReports)
    .where(eq(schema.workspaceReports.workspaceId, admin.workspaceId));
  return row;
};

beforeAll(async () => {
  admin = await createTestWorkspace("Dashboard Co.");
  rep = await createTestUser(admin.workspaceId, "rep");
  ({ jar } = await sessionFor(admin));
  await call(admin, "POST", "/api/v1/import/customers", [
    { externalId: "D1", name: "Big One", lifecycleStage: "qualified", ownerEmail: rep.email },
    { externalId: "D2", name: "Late One", lifecycleStage: "signed", creditLimit: 100 },
    { externalId: "D3", name: "Quiet One", lifecycleStage: "signed" },
  ]);
  await call(admin, "POST", "/api/v1/import/orders", [
    { externalId: "O1", customerExternalId: "D1", date: day(-60), amount: 90_000, cost: 30_000 },
    { externalId: "O2", customerExternalId: "D2", date: day(-200), amount: 5_000, cost: 4_000 },
  ]);
  await call(admin, "POST", "/api/v1/import/invoices", [
    { externalId: "I1", customerExternalId: "D2", dueDate: day(-170), amount: 5_000 },
  ]);
  // The rep's customer was last called 60 days ago: its follow-up is overdue at any tier's cadence.
  await call(admin, "POST", "/api/v1/import/interactions", [
    { id: crypto.randomUUID(), customerExternalId: "D1", kind: "call", occurredAt: day(-60), summary: "Check-in" },
  ]);
  await call(admin, "POST", "/api/v1/import/opportunities", [
    {
      externalId: "P1",
      customerExternalId: "D3",
      name: "Deal",
      stage: "proposal",
      amount: 20_000,
      expectedClose: day(30),
    },
  ]);
});

describe("dashboard from the stored report", () => {
  it("says not graded yet, with a Regrade now button, before the first regrade", async () => {
    expect(await storedReport()).toBeUndefined();
    const html = await (await page(jar, "GET", "/admin")).text();
    expect(html).toContain("No grades yet");
    expect(html).toContain('action="/admin/import/regrade"');
    expect(html).toContain("Regrade now");
  });

  it("shows the report stored by Regrade now: KPIs, charts, funnel, compliance and watchlists", async () => {
    const form = await (await page(jar, "GET", "/admin")).text();
    const res = await page(jar, "POST", "/admin/import/regrade", { _csrf: csrfIn(form) });
    expect(res.status).toBe(303);
    const row = await storedReport();
    const report = row?.report as WorkspaceReport;
    expect(report.customers).toBe(3);
    expect(report.tierCounts.A + report.tierCounts.B + report.tierCounts.C).toBe(3);
    expect(Object.values(report.pyramid).reduce((a, b) => a + b, 0)).toBe(3);
    expect(report.funnel.byStage.find((s) => s.stage === "proposal")?.count).toBe(1);
    expect(report.compliance.map((c) => c.ownerId === null).sort()).toEqual([false, true]);
    expect(report.migration.every((m) => m.from === "new")).toBe(true);
    expect(row?.asOf).toBe(report.asOf);
    const html = await (await page(jar, "GET", "/admin")).text();
    expect(kpiCustomers(html)).toBe(3);
    expect(html).toContain("Late One"); // credit watchlist, from the grades table
    expect(html).toMatch(/The top 20 % of customers bring \d+ % of revenue/);
  });

  it("links a rep's overdue follow-up count to the list of those customers", async () => {
    const html = await (await page(jar, "GET", "/admin")).text();
    const link = new RegExp(
      `<a href="(/admin/customers\\?owner=${rep.userId}&amp;tier=[ABC]&amp;followUp=overdue)">1</a>`,
    );
    const href = link.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(href).toBeDefined();
    const list = await (await page(jar, "GET", href ?? "")).text();
    expect([...list.matchAll(/<a href="\/admin\/customers\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1])).toEqual([
      "Big One",
    ]);
  });

  it("counts follow-up compliance as of now: a call logged or an owner changed since the regrade shows at once", async () => {
    const overdueLink = (html: string, owner: string) =>
      new RegExp(`<a href="/admin/customers\\?owner=${owner}&amp;tier=[ABC]&amp;followUp=overdue">(\\d+)</a>`).exec(
        html,
      )?.[1];
    const [big] = await db.select().from(schema.customers).where(eq(schema.customers.name, "Big One"));
    const id = big?.id ?? "";
    // Handed to the admin: the count moves with the customer, before any regrade.
    expect((await call(admin, "PATCH", `/api/v1/customers/${id}`, { ownerId: admin.userId })).status).toBe(200);
    let html = await (await page(jar, "GET", "/admin")).text();
    expect(overdueLink(html, rep.userId)).toBeUndefined();
    expect(overdueLink(html, admin.userId)).toBe("1");
    // A call today moves the next follow-up on: nothing overdue, and the list the link opened is empty too.
    const logged = await call(admin, "POST", "/api/v1/interactions", {
      id: crypto.randomUUID(),
      customerId: id,
      kind: "call",
      direction: "out",
      occurredAt: new Date().toISOString(),
      summary: "Caught up",
    });
    expect(logged.status).toBe(201);
    html = await (await page(jar, "GET", "/admin")).text();
    expect(overdueLink(html, admin.userId)).toBeUndefined();
    const list = await (await page(jar, "GET", `/admin/customers?owner=${admin.userId}&followUp=overdue`)).text();
    expect(list).not.toContain(">Big One</a>");
  });

  it("reads the compliance from the workspace's grades in one range, each customer by its key", async () => {
    const { sql, params } = complianceQuery(db, admin.workspaceId, day(0)).toSQL();
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    const steps = results.map((r) => r.detail);
    expect(steps[0]).toMatch(/^SEARCH grades USING (COVERING )?INDEX \w+ \(workspace_id=\?\)$/);
    expect(steps[1]).toMatch(/^SEARCH customers USING (COVERING )?INDEX \w+ \(workspace_id=\? AND id=\?\)$/);
  });

  it("does not grade per view: new customers appear after the next regrade, not before", async () => {
    await call(admin, "POST", "/api/v1/import/customers", [{ externalId: "D4", name: "Newcomer" }]);
    expect(kpiCustomers(await (await page(jar, "GET", "/admin")).text())).toBe(3);
    await call(admin, "POST", "/api/v1/regrade", {});
    expect(kpiCustomers(await (await page(jar, "GET", "/admin")).text())).toBe(4);
    expect(((await storedReport())?.report as WorkspaceReport | undefined)?.customers).toBe(4);
  });
});
