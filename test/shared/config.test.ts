import { describe, expect, it } from "vitest";
import { defaultConfig, parseScoringConfig, SCORECARD_TEMPLATES, type ScoringConfig } from "../../shared/config";

function problemsOf(mutate: (c: ScoringConfig) => void) {
  const config = defaultConfig();
  mutate(config);
  const result = parseScoringConfig(config);
  if (result.ok) throw new Error("expected the configuration to be rejected");
  return result.problems;
}

describe("scoring configuration", () => {
  it("accepts the defaults of every shipped template", () => {
    for (const template of SCORECARD_TEMPLATES) expect(parseScoringConfig(defaultConfig(template)).ok).toBe(true);
  });

  it("holds the DOMAIN.md defaults", () => {
    const c = defaultConfig();
    expect(c.scorecard.thresholds).toEqual({ a: 75, b: 60 });
    expect(c.scorecard.criteria.map((x) => [x.id, x.weight])).toEqual([
      ["order_amount", 30],
      ["profit", 30],
      ["credit", 20],
      ["development", 20],
    ]);
    expect(c.headline).toBe("scorecard");
    expect(c.abc).toEqual({ basis: "revenue", aPercent: 80, bPercent: 95 });
    expect(c.pyramid).toEqual({ vipPercent: 1, keyPercent: 4, majorPercent: 15, ordinaryPercent: 30 });
    expect(c.value).toMatchObject({
      horizonYears: 3,
      retention: 0.8,
      discount: 0.1,
      mostValuablePercent: 5,
      secondTierPercent: 20,
    });
    expect(c.kaism.split).toBe(50);
    expect(c.man.deciderContactDays).toBe(90);
    expect(c.credit).toEqual({
      graceDays: 0,
      fair: { minOnTimePercent: 90, maxDaysLate: 15 },
      watch: { maxDaysLate: 60 },
      hold: { overdueDays: 60, minOnTimePercent: 50 },
    });
    expect(c.churn).toEqual({ highMultiple: 2, mediumMultiple: 1.5, dropMonths: 6, dropPercent: 30 });
    expect(c.funnel.probabilities).toEqual({
      first_contact: 10,
      needs_understood: 25,
      proposal: 50,
      negotiation: 75,
      won: 90,
      paid: 100,
      lost: 0,
    });
    expect(c.funnel.staleDays).toBe(14);
    expect(c.service.cadenceDays).toEqual({ A: 7, B: 15, C: 30 });
    expect(c.service.followUpDueDays).toBe(2);
    expect(c.suggest.crossSellPercent).toBe(30);
    expect(c.windowDays).toBe(365);
  });

  it("keeps service costs in minor units: visit 500 yuan is 50 000 fen", () => {
    expect(defaultConfig().serviceCost).toEqual({
      visit: 50000,
      meeting: 30000,
      call: 5000,
      email: 1000,
      wechat: 1000,
      note: 1000,
    });
  });

  it("names the path of a negative criterion weight", () => {
    const problems = problemsOf((c) => {
      c.scorecard.criteria[2]!.weight = -5;
    });
    expect(problems.map((p) => p.path)).toContain("scorecard.criteria.2.weight");
  });

  it("rejects weights that do not sum to 100", () => {
    const problems = problemsOf((c) => {
      c.scorecard.criteria[0]!.weight = 40;
    });
    expect(problems).toContainEqual({ path: "scorecard.criteria", message: "weights sum to 110, not 100" });
  });

  it("rejects a level worth more than its criterion's weight", () => {
    const problems = problemsOf((c) => {
      c.scorecard = defaultConfig("property").scorecard;
      const strength = c.scorecard.criteria[1]!;
      if (strength.kind === "manual") strength.levels[0]!.points = 16;
    });
    expect(problems.map((p) => p.path)).toEqual(["scorecard.criteria.1.weight"]);
  });

  it("rejects thresholds out of order", () => {
    const problems = problemsOf((c) => {
      c.scorecard.thresholds = { a: 60, b: 75 };
    });
    expect(problems.map((p) => p.path)).toEqual(["scorecard.thresholds.b"]);
  });

  it("rejects ABC cut-offs that do not increase", () => {
    const problems = problemsOf((c) => {
      c.abc.bPercent = 80;
    });
    expect(problems.map((p) => p.path)).toEqual(["abc.bPercent"]);
  });

  it("rejects an unknown metric", () => {
    const problems = problemsOf((c) => {
      (c.scorecard.criteria[0] as { metric: string }).metric = "happiness";
    });
    expect(problems.map((p) => p.path)).toEqual(["scorecard.criteria.0.metric"]);
  });

  it("rejects duplicate criterion ids", () => {
    const problems = problemsOf((c) => {
      c.scorecard.criteria[1]!.id = "order_amount";
    });
    expect(problems.map((p) => p.path)).toEqual(["scorecard.criteria.1.id"]);
  });

  it("rejects pyramid layers over 100 %, KAISM weights not summing to 100 and inverted credit and churn limits", () => {
    const paths = problemsOf((c) => {
      c.pyramid.ordinaryPercent = 90;
      c.kaism.strength[0]!.weight = 10;
      c.credit.fair.maxDaysLate = 70;
      c.churn.mediumMultiple = 3;
    }).map((p) => p.path);
    expect(paths.sort()).toEqual(["churn.mediumMultiple", "credit.fair.maxDaysLate", "kaism.strength", "pyramid"]);
  });

  it("rejects bands that do not start at increasing values", () => {
    const paths = problemsOf((c) => {
      c.scorecard.criteria[3] = {
        id: "recent",
        kind: "bands",
        metric: "recencyDays",
        weight: 20,
        bands: [
          { from: 0, points: 20 },
          { from: 0, points: 10 },
        ],
      };
    }).map((p) => p.path);
    expect(paths).toEqual(["scorecard.criteria.3.bands.1.from"]);
  });

  it("rejects something that is not a configuration at all", () => {
    const result = parseScoringConfig("nope");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe("");
  });
});
