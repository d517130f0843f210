import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import type { CreditRating, CustomerFacts } from "../../shared/grade/types";
import type { CustomerNature } from "../../shared/records";
import { growthPoints, scoreCustomer, tierForScore } from "../../shared/scorecard";
import { customer } from "./builders";

const thresholds = { a: 75, b: 60 };

function facts(over: Partial<CustomerFacts> = {}): CustomerFacts {
  return {
    revenue: 0,
    profit: 0,
    orderCount: 0,
    previousRevenue: 0,
    growth: null,
    recencyDays: null,
    lastOrderDate: null,
    firstOrderDate: null,
    tenureDays: null,
    lifetimeOrderCount: 0,
    cycleDays: null,
    cycleCv: null,
    revenueLast6Months: 0,
    revenuePrevious6Months: 0,
    invoicesDue: 0,
    onTimeShare: null,
    avgDaysLate: null,
    maxDaysLate: 0,
    overdueAmount: 0,
    oldestOverdueDays: 0,
    outstanding: 0,
    lastContact: null,
    interactions30d: 0,
    serviceCost: 0,
    products: [],
    ...over,
  };
}

describe("tier thresholds", () => {
  it("makes exactly 75 an A and 74.99 a B", () => {
    expect(tierForScore(75, thresholds)).toBe("A");
    expect(tierForScore(74.99, thresholds)).toBe("B");
  });

  it("makes exactly 60 a B and 59.99 a C", () => {
    expect(tierForScore(60, thresholds)).toBe("B");
    expect(tierForScore(59.99, thresholds)).toBe("C");
  });
});

describe("existing-customer scorecard", () => {
  const card = defaultConfig().scorecard;
  const score = (f: Partial<CustomerFacts>, credit: CreditRating, rank = 0) =>
    scoreCustomer(card, { customer: customer("c1"), facts: facts(f), credit, percentile: () => rank });

  it("gives order amount and profit their percentile rank × 30", () => {
    const r = score({ orderCount: 3, growth: 0 }, "hold", 0.5);
    expect(r.criteria.map((c) => c.points)).toEqual([15, 15, 0, 0]);
  });

  it("gives no percentile points to a customer without orders", () => {
    const r = score({ orderCount: 0 }, "unknown", 0.9);
    expect(r.criteria[0]?.points).toBe(0);
    expect(r.criteria[0]?.message.key).toBe("explain.noOrders");
  });

  it("maps credit good 100 %, fair 75 %, unknown 50 %, watch 40 %, hold 0 % of 20", () => {
    const points = (["good", "fair", "unknown", "watch", "hold"] as const).map(
      (rating) => score({ orderCount: 1, growth: 0 }, rating).criteria[2]?.points,
    );
    expect(points).toEqual([20, 15, 10, 8, 0]);
  });

  it("scores growth full from +20 %, linearly below, zero at or below no growth, half without a previous year", () => {
    expect(growthPoints(0.2, 20, 20, 50)).toBe(20);
    expect(growthPoints(0.5, 20, 20, 50)).toBe(20);
    expect(growthPoints(0.1, 20, 20, 50)).toBeCloseTo(10);
    expect(growthPoints(0, 20, 20, 50)).toBe(0);
    expect(growthPoints(-0.3, 20, 20, 50)).toBe(0);
    expect(growthPoints(null, 20, 20, 50)).toBe(10);
  });

  it("adds it up: top rank, good credit and +20 % growth make 100 and tier A", () => {
    const r = score({ orderCount: 5, growth: 0.2 }, "good", 1);
    expect(r.score).toBe(100);
    expect(r.tier).toBe("A");
    expect(r.incomplete).toBe(false);
  });

  it("marks the result incomplete when an added manual criterion is unrated, counting it 0", () => {
    const withRelationship = {
      ...card,
      criteria: [
        ...card.criteria.map((c) => (c.id === "development" ? { ...c, weight: 10 } : c)),
        { id: "relationship", kind: "manual" as const, weight: 10, levels: [{ id: "close", points: 10 }] },
      ],
    };
    const r = scoreCustomer(withRelationship, {
      customer: customer("c1"),
      facts: facts({ orderCount: 1 }),
      credit: "good",
      percentile: () => 1,
    });
    expect(r.incomplete).toBe(true);
    expect(r.unrated).toEqual(["relationship"]);
    expect(r.criteria[4]).toMatchObject({ points: 0, value: null, message: { key: "explain.unrated" } });
  });

  it("keeps every score within 0–100", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: -10, max: 10, noNaN: true })),
        fc.constantFrom<CreditRating>("good", "fair", "unknown", "watch", "hold"),
        fc.nat(5),
        (rank, growth, credit, orders) => {
          const r = score({ orderCount: orders, growth }, credit, rank);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(Math.abs(Math.round(r.score * 100) - r.score * 100)).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

describe("property-services scorecard", () => {
  const card = defaultConfig("property").scorecard;
  const rate = (nature: CustomerNature, ratings: Record<string, string>) =>
    scoreCustomer(card, {
      customer: customer("p", { nature, ratings }),
      facts: facts(),
      credit: "unknown",
      percentile: () => 0,
    });

  it("gives government and SOE 15, listed 10, private 5 for nature", () => {
    const nature = (n: CustomerNature) => rate(n, {}).criteria[0]?.points;
    expect([nature("government"), nature("soe"), nature("listed"), nature("private")]).toEqual([15, 15, 10, 5]);
  });

  it("scores a government client with the best level everywhere 100 → A", () => {
    const r = rate("government", {
      strength: "strong",
      growth: "high",
      profit_contribution: "large",
      top_relationship: "close",
      strategic_importance: "very",
    });
    expect(r.score).toBe(100);
    expect(r.tier).toBe("A");
  });

  it("scores a listed, middling client at range midpoints: 10 + 7.5 × 3 + 12.5 × 2 = 57.5 → C", () => {
    const r = rate("listed", {
      strength: "average",
      growth: "mid",
      profit_contribution: "average",
      top_relationship: "senior",
      strategic_importance: "important",
    });
    expect(r.criteria.map((c) => c.points)).toEqual([10, 7.5, 7.5, 7.5, 12.5, 12.5]);
    expect(r.score).toBe(57.5);
    expect(r.tier).toBe("C");
  });

  it("lifts that client to B when top management becomes close: 57.5 − 12.5 + 20 = 65", () => {
    const r = rate("listed", {
      strength: "average",
      growth: "mid",
      profit_contribution: "average",
      top_relationship: "close",
      strategic_importance: "important",
    });
    expect(r.score).toBe(65);
    expect(r.tier).toBe("B");
  });

  it("keeps the seeds' ranges: each level's points fall inside its range", () => {
    const strength = card.criteria.find((c) => c.id === "strength");
    if (strength?.kind !== "manual") throw new Error("strength should be manual");
    const [strong, average, weak] = strength.levels.map((l) => l.points);
    expect(strong! >= 10 && strong! <= 15).toBe(true);
    expect(average! >= 5 && average! <= 10).toBe(true);
    expect(weak! < 5).toBe(true);
  });

  it("is incomplete, and says which criteria to rate, when nobody rated the manual criteria", () => {
    const r = rate("soe", {});
    expect(r.score).toBe(15);
    expect(r.unrated).toEqual([
      "strength",
      "growth",
      "profit_contribution",
      "top_relationship",
      "strategic_importance",
    ]);
  });
});
