// GET /api/v1/export/{customers|grades}: CSV content, formula-injection guard, visibility by role, round trip.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createTestUser, createTestWorkspace, type TestUser } from "./helpers";

const parse = async (res: Response) => {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that makes spreadsheets read UTF-8
  const text = new TextDecoder().decode(bytes);
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
};

describe("exports", () => {
  let admin: TestUser;
  let rep: TestUser;
  beforeAll(async () => {
    admin = await createTestWorkspace();
    rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    const res = await call(admin, "POST", "/api/v1/import/customers", [
      {
        externalId: "E1",
        name: "上海恒远精密机械有限公司",
        industry: "制造",
        ownerEmail: rep.email,
        domains: ["hy-precision.com", "hengyuan.cn"],
        creditLimit: 1234.05,
        ratings: { relationship: "strong" },
      },
      { externalId: "E2", name: '=HYPERLINK("http://evil.test","click")', region: "@SUM(A1)" },
      { externalId: "E3", name: "Owned by someone else", ownerEmail: other.email, wallet: 99 },
    ]);
    expect(await res.json()).toMatchObject({ created: 3, errors: [] });
    await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-03-01" });
  });

  it("exports customers with the import's columns, major-unit amounts and guarded formulas", async () => {
    const res = await call(admin, "GET", "/api/v1/export/customers");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await parse(res);
    expect(rows.map((r) => r.external_id)).toEqual(["E1", "E2", "E3"]);
    expect(rows[0]).toMatchObject({
      name: "上海恒远精密机械有限公司",
      owner_email: rep.email,
      domains: "hengyuan.cn;hy-precision.com",
      credit_limit: "1234.05",
      legal_verified: "false",
      ratings: '{"relationship":"strong"}',
    });
    expect(rows[1]?.name).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(rows[1]?.region).toBe("'@SUM(A1)");
  });

  it("imports an unedited export back as all unchanged", async () => {
    const csv = await (await call(admin, "GET", "/api/v1/export/customers")).text();
    const clean = csv.replace(`'=HYPERLINK`, "=HYPERLINK").replace("'@SUM", "@SUM");
    const res = await call(admin, "POST", "/api/v1/import/customers", clean, { "Content-Type": "text/csv" });
    expect(await res.json()).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [] });
  });

  it("shows a rep only their own and unowned customers", async () => {
    const customers = await parse(await call(rep, "GET", "/api/v1/export/customers"));
    expect(customers.map((r) => r.external_id)).toEqual(["E1", "E2"]);
    const grades = await parse(await call(rep, "GET", "/api/v1/export/grades"));
    expect(grades.map((r) => r.external_id).sort()).toEqual(["E1", "E2"]);
  });

  it("exports one grade row per customer with its tier and as-of date", async () => {
    const rows = await parse(await call(admin, "GET", "/api/v1/export/grades"));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.tier).toMatch(/^[ABC]$/);
      expect(row.score).toMatch(/^\d+\.\d{2}$/);
      expect(row.as_of).toBe("2026-03-01");
    }
    expect(rows.find((r) => r.external_id === "E2")?.name).toMatch(/^'=/);
  });

  it("answers 404 for an unknown export and 401 without a token", async () => {
    expect((await call(admin, "GET", "/api/v1/export/orders")).status).toBe(404);
    expect((await call(null, "GET", "/api/v1/export/customers")).status).toBe(401);
  });
});
