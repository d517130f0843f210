// "What would move it up" on the customer page: one hint per fact (the smallest change of it), named by criterion.
import { describe, expect, it } from "vitest";
import { generateDemo } from "../../scripts/seed/generate";
import type { CustomerDetailResponse } from "../../shared/contract/customer-detail";
import type { MoveUp } from "../../shared/grade/types";
import { t as engineT } from "../../shared/i18n";
import { movesWorthShowing } from "../../worker/src/admin/customers/grade-panels";
import { page, sessionFor } from "./admin-helpers";
import { call, createTestUser, createTestWorkspace } from "./helpers";

const move = (criterion: string, fact: string, delta: number, toTier: "A" | "B" = "B"): MoveUp => ({
  criterion,
  fact,
  delta,
  fromTier: toTier === "B" ? "C" : "B",
  toTier,
  message: { key: `moveup.${fact}`, params: { amount: delta, from: "C", to: toTier } },
});

describe("movesWorthShowing", () => {
  it("keeps the smallest change per fact and target tier, in the order the criteria gave them", () => {
    const moves = [
      move("development", "revenue", 33_323_49),
      move("profit", "profit", 1_112_40),
      move("order_amount", "revenue", 15_613_41),
    ];
    expect(movesWorthShowing(moves).map((m) => [m.criterion, m.delta])).toEqual([
      ["order_amount", 15_613_41],
      ["profit", 1_112_40],
    ]);
    expect(movesWorthShowing([move("a", "overdueAmount", -500), move("b", "overdueAmount", -200)])).toEqual([
      move("b", "overdueAmount", -200),
    ]);
    expect(movesWorthShowing([])).toEqual([]);
  });
});

it("the demo customer page lists one hint per fact, each named by its criterion", async () => {
  const admin = await createTestWorkspace("Move-up Co.");
  const rep = await createTestUser(admin.workspaceId, "rep");
  const demo = generateDemo({ anchorDate: "2026-03-01", owners: [admin.email, rep.email] });
  for (const type of ["customers", "contacts", "orders", "invoices", "opportunities", "interactions"] as const)
    expect((await call(admin, "POST", `/api/v1/import/${type}`, demo[type])).status).toBe(200);
  expect((await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-03-01" })).status).toBe(200);

  // A customer two of whose criteria both ask for more revenue.
  const list = (await (await call(admin, "GET", "/api/v1/customers?limit=200")).json()) as { items: { id: string }[] };
  let found: CustomerDetailResponse | undefined;
  for (const { id } of list.items) {
    const detail = (await (await call(admin, "GET", `/api/v1/customers/${id}`)).json()) as CustomerDetailResponse;
    const revenue = detail.grade?.moveUp.filter((m) => m.fact === "revenue") ?? [];
    if (revenue.length > 1 && new Set(revenue.map((m) => m.delta)).size > 1) {
      found = detail;
      break;
    }
  }
  expect(found, "a demo customer with two revenue hints").toBeDefined();
  const grade = found?.grade as NonNullable<CustomerDetailResponse["grade"]>;
  const revenue = grade.moveUp.filter((m) => m.fact === "revenue").sort((a, b) => a.delta - b.delta);
  const [smallest, larger] = revenue as [MoveUp, MoveUp];

  const { jar } = await sessionFor(admin);
  const html = await (await page(jar, "GET", `/admin/customers/${found?.customer.id}`)).text();
  const hints = html.split("What would move it up")[1]?.split("</ul>")[0] ?? "";
  const items = [...hints.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1] ?? "");
  expect(items).toHaveLength(movesWorthShowing(grade.moveUp).length);
  const label = (id: string) =>
    engineT("en", grade.scorecard.criteria.find((c) => c.id === id)?.label ?? { key: id }, { currency: "CNY" });
  const text = (m: MoveUp) => engineT("en", m.message, { currency: "CNY" }).replace(/&/g, "&amp;");
  expect(items).toContain(`${label(smallest.criterion)}: ${text(smallest)}`);
  expect(hints).not.toContain(text(larger));
}, 60_000);
