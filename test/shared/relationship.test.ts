// Relationship vs transactional customers (DOMAIN.md §3.9), from the model's inputs and from raw orders.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { deriveFacts } from "../../shared/facts";
import type { OrderRecord } from "../../shared/records";
import { classifyRelationship } from "../../shared/relationship";
import { shuffle } from "./arbitraries";
import { ASOF, customer, daysBefore, order } from "./builders";

const config = defaultConfig();

/** The relationship type of one customer whose orders were placed the given numbers of days before asOf. */
function typeOf(orders: readonly OrderRecord[]) {
  const { facts } = deriveFacts({
    customers: [customer("c")],
    orders,
    invoices: [],
    interactions: [],
    config,
    asOf: ASOF,
  });
  return classifyRelationship(facts[0]!, config);
}
const ordersAt = (daysAgo: readonly number[]) => daysAgo.map((d) => order("c", daysBefore(ASOF, d), 1000));

describe("relationship vs transactional", () => {
  const regular = { tenureDays: 365, lifetimeOrderCount: 4, cycleCv: 0.5 };

  it("is relationship after a year of at least 4 regular orders", () => {
    expect(classifyRelationship(regular, config)).toBe("relationship");
  });

  it("is transactional when any condition misses", () => {
    expect(classifyRelationship({ ...regular, tenureDays: 364 }, config)).toBe("transactional");
    expect(classifyRelationship({ ...regular, lifetimeOrderCount: 3 }, config)).toBe("transactional");
    expect(classifyRelationship({ ...regular, cycleCv: 0.51 }, config)).toBe("transactional");
    expect(classifyRelationship({ tenureDays: null, lifetimeOrderCount: 0, cycleCv: null }, config)).toBe(
      "transactional",
    );
  });
});

describe("relationship from the order history (DOMAIN.md §3.9)", () => {
  it("is relationship for a customer who has ordered every quarter for a year", () => {
    expect(typeOf(ordersAt([365, 270, 180, 90, 0]))).toBe("relationship");
  });

  it("is transactional with only three orders, however regular", () => {
    expect(typeOf(ordersAt([400, 200, 0]))).toBe("transactional");
  });

  it("is transactional for four regular orders over less than a year", () => {
    expect(typeOf(ordersAt([300, 200, 100, 0]))).toBe("transactional");
  });

  it("is transactional when the intervals are irregular (a burst, then a long silence)", () => {
    // Gaps 10, 10, 10, 370: mean 100, standard deviation ≈ 156 → CV ≈ 1.56 > 0.5.
    expect(typeOf(ordersAt([400, 390, 380, 370, 0]))).toBe("transactional");
  });

  it("ignores orders after asOf", () => {
    const future = order("c", "2026-06-01", 1000);
    expect(typeOf([...ordersAt([365, 240, 120]), future])).toBe("transactional");
  });
});

describe("relationship properties", () => {
  const history = fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 12 });

  it("is transactional with fewer than 4 orders", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 3 }), (days) => {
        expect(typeOf(ordersAt(days))).toBe("transactional");
      }),
    );
  });

  it("is relationship for ≥ 4 orders at regular intervals (CV ≤ 0.5) over at least a year", () => {
    // Intervals g ± 20 % have a CV well under 0.5.
    const regular = fc
      .record({
        gap: fc.integer({ min: 30, max: 200 }),
        jitter: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 3, maxLength: 10 }),
        last: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ gap, jitter, last }) => {
        const days = [last];
        for (const j of jitter) days.push(days[days.length - 1]! + Math.round(gap * (1 + j)));
        return days;
      })
      .filter((days) => days[days.length - 1]! >= 365);
    fc.assert(
      fc.property(regular, (days) => {
        expect(typeOf(ordersAt(days))).toBe("relationship");
      }),
    );
  });

  it("matches the definition: tenure ≥ 365 days, ≥ 4 orders, CV of the gaps between order dates ≤ 0.5", () => {
    fc.assert(
      fc.property(history, (days) => {
        const distinct = [...new Set(days)].sort((a, b) => b - a);
        const gaps = distinct.slice(1).map((d, i) => distinct[i]! - d);
        const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
        const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
        const expected = days.length >= 4 && Math.max(...days) >= 365 && gaps.length > 0 && sd / mean <= 0.5;
        expect(typeOf(ordersAt(days))).toBe(expected ? "relationship" : "transactional");
      }),
    );
  });

  it("does not depend on the order of the records", () => {
    fc.assert(
      fc.property(history, fc.integer(), (days, seed) => {
        const orders = ordersAt(days);
        expect(typeOf(shuffle(orders, seed))).toBe(typeOf(orders));
      }),
    );
  });
});
