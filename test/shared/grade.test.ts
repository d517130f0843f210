import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { type GradeInput, gradeSummary, gradeWorkspace, summaryChanged } from "../../shared/grade";
import { shuffle, workspace } from "./arbitraries";
import { ASOF, customer, invoice, order } from "./builders";
import { byId, grade } from "./workspace";

describe("gradeWorkspace properties", () => {
  it("keep every score within 0–100 with two decimals, and count every customer once", () => {
    fc.assert(
      fc.property(workspace, (input) => {
        const result = gradeWorkspace(input);
        expect(result.customers.map((c) => c.customerId)).toEqual(input.customers.map((c) => c.id));
        for (const g of result.customers) {
          expect(g.score).toBeGreaterThanOrEqual(0);
          expect(g.score).toBeLessThanOrEqual(100);
          expect(Math.abs(Math.round(g.score * 100) - g.score * 100)).toBeLessThan(1e-6);
        }
        const sum = (r: Record<string, number>) => Object.values(r).reduce((s, x) => s + x, 0);
        expect(sum(result.tierCounts)).toBe(input.customers.length);
        expect(sum(result.pyramid)).toBe(input.customers.length);
        expect(sum(result.pareto.counts)).toBe(input.customers.length);
      }),
      { numRuns: 60 },
    );
  });

  it("do not depend on the order of any record list", () => {
    fc.assert(
      fc.property(workspace, (input) => {
        const s = input.seed;
        const shuffled: GradeInput = {
          ...input,
          customers: shuffle(input.customers, s),
          orders: shuffle(input.orders, s + 1),
          invoices: shuffle(input.invoices, s + 2),
          interactions: shuffle(input.interactions, s + 3),
          opportunities: shuffle(input.opportunities, s + 4),
        };
        const a = gradeWorkspace(input);
        const b = gradeWorkspace(shuffled);
        const sorted = (r: typeof a) => [...r.customers].sort((x, y) => (x.customerId < y.customerId ? -1 : 1));
        expect(sorted(b)).toEqual(sorted(a));
        expect(b.pareto).toEqual(a.pareto);
        const rounded = (r: typeof a) =>
          r.funnel.months.map((m) => ({ ...m, weighted: Math.round(m.weighted * 1000) }));
        expect(rounded(b)).toEqual(rounded(a));
        expect(b.funnel.stale).toEqual(a.funnel.stale);
      }),
      { numRuns: 60 },
    );
  });
});

describe("gradeWorkspace", () => {
  const customers = [customer("a"), customer("b"), customer("c"), customer("none")];
  const orders = [
    order("a", "2026-02-01", 900_000, 300_000, "p1"),
    order("a", "2025-02-01", 500_000, 200_000),
    order("b", "2026-01-15", 80_000, 60_000, "p1"),
    order("c", "2026-01-20", 20_000, 25_000, "p2"),
  ];
  const result = grade({ customers, orders, invoices: [invoice("a", "2026-01-10", 100, "2026-01-09")] });

  it("grades the top customer A with every model's output attached", () => {
    const a = byId(result, "a");
    // Top rank on both (60) + good credit (20) + growth 80 % ≥ 20 % (20) = 100.
    expect(a).toMatchObject({
      tier: "A",
      score: 100,
      abc: "A",
      pyramid: "vip",
      keyAccount: true,
      negativeValue: false,
    });
    expect(a.scorecard.template).toBe("existing");
    expect(a.serviceLevel).toMatchObject({ cadenceDays: 7, replyHours: 4, accountManager: true });
    expect(a.asOf).toBe(ASOF);
    expect(a.configVersion).toBe(7);
  });

  it("gives a customer without orders no RFM and a pyramid place at the bottom, and a loss-maker a loss", () => {
    expect(byId(result, "none").rfm).toBeNull();
    expect(byId(result, "none").pyramid).toBe("small");
    expect(byId(result, "c").pyramid).toBe("loss");
  });

  it("lets the workspace choose ABC as the headline tier", () => {
    const config = { ...defaultConfig(), headline: "abc" as const };
    const abc = grade({ customers, orders, config });
    expect(abc.customers.map((g) => g.tier)).toEqual(abc.customers.map((g) => g.abc));
  });

  it("summarises the fields that decide whether a grade changed", () => {
    const a = byId(result, "a");
    expect(gradeSummary(a)).toEqual({
      tier: "A",
      score: 100,
      keyAccount: true,
      negativeValue: false,
      credit: "good",
      churn: a.churn,
      abc: "A",
      pyramid: "vip",
      segment: a.rfm?.segment ?? null,
      valueClass: a.value.class,
    });
    expect(summaryChanged(gradeSummary(a), gradeSummary(a))).toBe(false);
    expect(summaryChanged(gradeSummary(a), gradeSummary(byId(result, "b")))).toBe(true);
  });
});
