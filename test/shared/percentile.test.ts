import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound, percentileRankAmong, percentileRanks } from "../../shared/percentile";

describe("percentile rank", () => {
  it("is (ascending rank − 1) / (N − 1)", () => {
    expect([...percentileRanks([30, 10, 20])]).toEqual([1, 0, 0.5]);
  });

  it("gives ties their average rank", () => {
    // Ranks 2 and 3 share 2.5 → (2.5 − 1) / 3 = 0.5.
    expect([...percentileRanks([10, 20, 20, 40])]).toEqual([0, 0.5, 0.5, 1]);
  });

  it("is 1 for a lone ranked customer and 0 for customers not ranked", () => {
    expect([...percentileRanks([null, 7, null])]).toEqual([0, 1, 0]);
  });

  it("agrees with the rank a value would take among the others", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 30 }), (values) => {
        const ranks = percentileRanks(values);
        values.forEach((v, i) => {
          const others = Float64Array.from(values.filter((_, j) => j !== i)).sort();
          expect(percentileRankAmong(others, v)).toBeCloseTo(ranks[i] as number, 12);
        });
      }),
    );
  });

  it("stays within [0, 1] and does not depend on input order", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 100 })), { maxLength: 40 }), (values) => {
        const ranks = percentileRanks(values);
        for (const r of ranks) expect(r >= 0 && r <= 1).toBe(true);
        const reversed = percentileRanks([...values].reverse());
        expect([...reversed].reverse()).toEqual([...ranks]);
      }),
    );
  });

  it("finds the same lower bound wherever the search is told to start", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }),
        fc.integer({ min: -2, max: 52 }),
        fc.integer({ min: -5, max: 205 }),
        (values, value, guess) => {
          const sorted = Float64Array.from(values).sort();
          const expected = sorted.findIndex((v) => v >= value);
          expect(lowerBound(sorted, value)).toBe(expected < 0 ? sorted.length : expected);
          expect(lowerBound(sorted, value, guess)).toBe(expected < 0 ? sorted.length : expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
