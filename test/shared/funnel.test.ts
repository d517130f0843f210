import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { forecastFunnel, opportunityProbability, staleDays } from "../../shared/funnel";
import { OPPORTUNITY_STAGES } from "../../shared/records";
import { ASOF, customer, daysBefore, opportunity } from "./builders";

const config = defaultConfig();

describe("funnel", () => {
  it("uses the stage default probability unless the opportunity has its own", () => {
    expect(opportunityProbability({ stage: "negotiation", probability: null }, config)).toBe(0.75);
    expect(opportunityProbability({ stage: "negotiation", probability: 40 }, config)).toBe(0.4);
  });

  it("forecasts Σ amount × probability per month and quarter of the expected close", () => {
    const report = forecastFunnel(
      [
        opportunity("o1", "c1", { stage: "proposal", amount: 1000, expectedClose: "2026-04-10" }),
        opportunity("o2", "c1", { stage: "won", amount: 2000, expectedClose: "2026-04-30" }),
        opportunity("o3", "c2", { stage: "first_contact", amount: 500, expectedClose: "2026-07-01" }),
        opportunity("o4", "c2", { stage: "lost", amount: 9000, expectedClose: "2026-05-01" }),
        opportunity("o5", "c2", { stage: "proposal", amount: 9000, expectedClose: null }),
      ],
      [],
      ASOF,
      config,
    );
    expect(report.months).toEqual([
      { period: "2026-04", count: 2, amount: 3000, weighted: 500 + 1800 },
      { period: "2026-05", count: 1, amount: 9000, weighted: 0 },
      { period: "2026-07", count: 1, amount: 500, weighted: 50 },
    ]);
    expect(report.quarters).toEqual([
      { period: "2026-Q2", count: 3, amount: 12000, weighted: 2300 },
      { period: "2026-Q3", count: 1, amount: 500, weighted: 50 },
    ]);
  });

  it("measures conversion as the share of deals reaching a stage that reached the next", () => {
    const stages = ["first_contact", "proposal", "proposal", "paid", "lost"] as const;
    const report = forecastFunnel(
      stages.map((stage, i) => opportunity(`o${i}`, "c", { stage })),
      [],
      ASOF,
      config,
    );
    const rate = (from: string) => report.conversion.find((c) => c.from === from)?.rate;
    // All 5 reached first contact; 3 (two proposals, one paid) reached needs understood.
    expect(rate("first_contact")).toBe(3 / 5);
    expect(rate("needs_understood")).toBe(1);
    expect(rate("proposal")).toBe(1 / 3);
  });

  it("calls an open deal stale after 14 days in the same stage, never a paid or lost one", () => {
    expect(staleDays(opportunity("o", "c", { stageChangedAt: daysBefore(ASOF, 13) }), ASOF, config)).toBeNull();
    expect(staleDays(opportunity("o", "c", { stageChangedAt: daysBefore(ASOF, 14) }), ASOF, config)).toBe(14);
    expect(staleDays(opportunity("o", "c", { stage: "paid", stageChangedAt: "2025-01-01" }), ASOF, config)).toBeNull();
  });

  it("counts customers per lifecycle stage", () => {
    const report = forecastFunnel(
      [],
      [customer("a", { lifecycleStage: "prospect" }), customer("b", { lifecycleStage: "prospect" }), customer("c")],
      ASOF,
      config,
    );
    expect(report.lifecycle).toMatchObject({ prospect: 2, signed: 1, target: 0 });
  });

  it("keeps the weighted forecast equal to Σ amount × probability over every dated opportunity", () => {
    const opp = fc.record({
      stage: fc.constantFrom(...OPPORTUNITY_STAGES),
      amount: fc.integer({ min: 0, max: 1e7 }),
      probability: fc.option(fc.integer({ min: 0, max: 100 })),
      month: fc.option(fc.integer({ min: 1, max: 12 })),
    });
    fc.assert(
      fc.property(fc.array(opp, { maxLength: 30 }), (list) => {
        const opps = list.map((o, i) =>
          opportunity(`o${i}`, "c", {
            stage: o.stage,
            amount: o.amount,
            probability: o.probability,
            expectedClose: o.month ? `2026-${String(o.month).padStart(2, "0")}-15` : null,
          }),
        );
        const report = forecastFunnel(opps, [], ASOF, config);
        const expected = opps
          .filter((o) => o.expectedClose)
          .reduce((s, o) => s + o.amount * ((o.probability ?? config.funnel.probabilities[o.stage]) / 100), 0);
        const months = report.months.reduce((s, m) => s + m.weighted, 0);
        const quarters = report.quarters.reduce((s, m) => s + m.weighted, 0);
        expect(months).toBeCloseTo(expected, 4);
        expect(quarters).toBeCloseTo(expected, 4);
      }),
    );
  });
});
