import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import type { CustomerFacts } from "../../shared/grade/types";
import { quintileScore, rfmSegment, scoreRfm } from "../../shared/rfm";

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
