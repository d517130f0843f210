import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig, HEADLINE_MODELS } from "../../shared/config";
import { type GradeInput, gradeSummary, gradeWorkspace, summaryChanged } from "../../shared/grade";
import { INTERACTION_KINDS, OPPORTUNITY_STAGES } from "../../shared/records";
import { ASOF, contact, customer, daysBefore, interaction, invoice, opportunity, order } from "./builders";
import { byId, grade } from "./workspace";

const ids = ["c0", "c1", "c2", "c3", "c4", "c5"];
const day = (max: number) => fc.integer({ min: 0, max }).map((d) => daysBefore(ASOF, d));

/** A random small workspace: every record kind, dates spread over three years. */
const workspace = fc
  .record({
    n: fc.integer({ min: 1, max: ids.length }),
    orders: fc.array(
      fc.tuple(
        fc.nat(5),
        day(1000),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom("p1", "p2", null),
      ),
      { maxLength: 40 },
    ),
    invoices: fc.array(
      fc.tuple(fc.nat(5), day(500), fc.integer({ min: 1, max: 1e5 }), fc.option(fc.integer({ min: -10, max: 90 }))),
      { maxLength: 20 },
    ),
    interactions: fc.array(
      fc.tuple(
        fc.nat(5),
        day(200),
        fc.constantFrom(...INTERACTION_KINDS),
        fc.constantFrom("in" as const, "out" as const, null),
      ),
      { maxLength: 20 },
    ),
    opportunities: fc.array(
      fc.tuple(fc.nat(5), fc.constantFrom(...OPPORTUNITY_STAGES), fc.integer({ min: 0, max: 1e6 }), day(60)),
      { maxLength: 8 },
    ),
    headline: fc.constantFrom(...HEADLINE_MODELS),
    seed: fc.integer(),
  })
  .map((w): GradeInput & { seed: number } => {
    const who = (i: number) => ids[i % w.n]!;
    const config = { ...defaultConfig(), headline: w.headline };
    return {
      seed: w.seed,
      customers: ids
        .slice(0, w.n)
        .map((id, i) => customer(id, { industry: i % 2 ? "a" : "b", lifecycleStage: i === 0 ? "prospect" : "signed" })),
      contacts: [contact("k0", "c0", "decider")],
      orders: w.orders.map(([c, d, amount, cost, p]) => order(who(c), d, amount, cost, p)),
      invoices: w.invoices.map(([c, due, amount, late]) =>
        invoice(
          who(c),
          due,
          amount,
          late === null ? null : daysBefore(due, -late) > ASOF ? null : daysBefore(due, -late),
        ),
      ),
      interactions: w.interactions.map(([c, d, kind, direction], i) =>
        interaction(who(c), `${d}T0${i % 10}:00:00Z`, { id: `i${i}`, kind, direction, contactId: i % 3 ? null : "k0" }),
      ),
      opportunities: w.opportunities.map(([c, stage, amount, changed], i) =>
        opportunity(`o${i}`, who(c), {
          stage,
          amount,
          stageChangedAt: changed,
          expectedClose: daysBefore(changed, -40),
        }),
      ),
      config,
      configVersion: "v1",
      asOf: ASOF,
      previous: [{ customerId: "c1", tier: "A", keyAccount: false }],
    };
  });

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

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
