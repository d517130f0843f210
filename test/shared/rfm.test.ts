import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import type { CustomerFacts } from "../../shared/grade/types";
import { quintileScore, rfmSegment, scoreRfm } from "../../shared/rfm";
import { shuffle } from "./arbitraries";

describe("RFM segments", () => {
  it.each([
    [5, 5, 5, "important_value"],
    [3, 2, 3, "important_development"],
    [2, 3, 3, "important_retention"],
    [2, 2, 3, "important_winback"],
    [3, 3, 2, "general_value"],
    [3, 2, 2, "general_development"],
    [2, 3, 2, "general_retention"],
    [1, 1, 1, "general_winback"],
  ])("R %i F %i M %i is %s (high means ≥ 3)", (r, f, m, segment) => {
    expect(rfmSegment(r, f, m, 3)).toBe(segment);
  });
});

describe("RFM scores", () => {
  it("cut percentile ranks into quintiles 1–5", () => {
    expect([0, 0.19, 0.2, 0.4, 0.6, 0.79, 0.8, 1].map(quintileScore)).toEqual([1, 1, 2, 3, 4, 4, 5, 5]);
  });

  it("score the most recent, most frequent, biggest buyer 5 and skip customers without orders", () => {
    const f = (recencyDays: number | null, orderCount: number, revenue: number) =>
      ({ recencyDays, orderCount, revenue }) as CustomerFacts;
    const scores = scoreRfm(
      [f(1, 9, 900), f(50, 5, 500), f(100, 3, 300), f(200, 2, 200), f(300, 1, 100), f(null, 0, 0)],
      defaultConfig(),
    );
    expect(scores[0]).toEqual({ r: 5, f: 5, m: 5, segment: "important_value" });
    expect(scores[2]).toEqual({ r: 3, f: 3, m: 3, segment: "important_value" });
    expect(scores[4]).toEqual({ r: 1, f: 1, m: 1, segment: "general_winback" });
    expect(scores[5]).toBeNull();
  });
});

describe("RFM properties", () => {
  const config = defaultConfig();
  /** Facts of a few customers: null recency means no order in the window. */
  const customers = fc.array(
    fc.option(
      fc.record({
        recencyDays: fc.integer({ min: 0, max: 364 }),
        orderCount: fc.integer({ min: 1, max: 30 }),
        revenue: fc.integer({ min: 1, max: 1e6 }),
      }),
      { freq: 4 },
    ),
    { minLength: 1, maxLength: 25 },
  );
  const toFacts = (list: ({ recencyDays: number; orderCount: number; revenue: number } | null)[]) =>
    list.map((c) => (c ?? { recencyDays: null, orderCount: 0, revenue: 0 }) as CustomerFacts);

  it("score every customer with orders 1–5 on each dimension and leave the others without RFM", () => {
    fc.assert(
      fc.property(customers, (list) => {
        const scores = scoreRfm(toFacts(list), config);
        list.forEach((c, i) => {
          const s = scores[i];
          if (c === null) {
            expect(s).toBeNull();
            return;
          }
          for (const x of [s!.r, s!.f, s!.m]) {
            expect(Number.isInteger(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(1);
            expect(x).toBeLessThanOrEqual(5);
          }
        });
      }),
    );
  });

  it("name the segment from the high / low flags: M → important or general, R and F → value, development, retention, win-back", () => {
    const kinds = { "11": "value", "10": "development", "01": "retention", "00": "winback" } as const;
    fc.assert(
      fc.property(customers, (list) => {
        for (const s of scoreRfm(toFacts(list), config)) {
          if (!s) continue;
          const flags = `${s.r >= 3 ? 1 : 0}${s.f >= 3 ? 1 : 0}` as keyof typeof kinds;
          expect(s.segment).toBe(`${s.m >= 3 ? "important" : "general"}_${kinds[flags]}`);
        }
      }),
    );
  });

  it("never lower R when the last order is more recent, F with more orders, M with more revenue", () => {
    const active = customers.filter((l) => l.some((c) => c !== null));
    fc.assert(
      fc.property(active, fc.nat(), fc.nat(400), fc.nat(20), fc.nat(1e6), (list, pick, sooner, more, bigger) => {
        const i = list.map((c, k) => (c ? k : -1)).filter((k) => k >= 0)[pick % list.filter(Boolean).length]!;
        const before = scoreRfm(toFacts(list), config)[i]!;
        const c = list[i]!;
        const better = [...list];
        better[i] = {
          recencyDays: Math.max(0, c.recencyDays - sooner),
          orderCount: c.orderCount + more,
          revenue: c.revenue + bigger,
        };
        const after = scoreRfm(toFacts(better), config)[i]!;
        expect(after.r).toBeGreaterThanOrEqual(before.r);
        expect(after.f).toBeGreaterThanOrEqual(before.f);
        expect(after.m).toBeGreaterThanOrEqual(before.m);
      }),
    );
  });

  it("do not depend on the order of the customers", () => {
    fc.assert(
      fc.property(customers, fc.integer(), (list, seed) => {
        const facts = toFacts(list);
        const order = shuffle(
          facts.map((_, i) => i),
          seed,
        );
        const scores = scoreRfm(facts, config);
        const shuffled = scoreRfm(
          order.map((i) => facts[i]!),
          config,
        );
        for (const [k, i] of order.entries()) expect(shuffled[k]).toEqual(scores[i]);
      }),
    );
  });
});
