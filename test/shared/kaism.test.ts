import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { type KaismInput, kaismFactor, placeKaism } from "../../shared/kaism";

const config = defaultConfig();
const input = (
  over: Partial<KaismInput> & { ratings?: Record<string, string>; wallet?: number | null } = {},
): KaismInput => ({
  customer: { ratings: over.ratings ?? {}, wallet: over.wallet ?? null },
  facts: { revenue: 100, growth: 0.2, tenureDays: 3 * 365, orderCount: 4, ...over.facts },
  relationship: over.relationship ?? "relationship",
  revenueRank: over.revenueRank ?? 1,
  profitRank: over.profitRank ?? 1,
});

describe("KAISM factors", () => {
  it("read size and profit from the percentile ranks, growth as full at +20 %", () => {
    const k = input({
      revenueRank: 0.3,
      profitRank: 0.6,
      facts: { revenue: 1, growth: 0.1, tenureDays: 0, orderCount: 1 },
    });
    expect(kaismFactor("size", k, config)).toBe(0.3);
    expect(kaismFactor("profit", k, config)).toBe(0.6);
    expect(kaismFactor("growth", k, config)).toBeCloseTo(0.5);
  });

  it("measure share of wallet against the estimate, unknown as half", () => {
    expect(kaismFactor("shareOfWallet", input({ wallet: 400 }), config)).toBe(0.25);
    expect(kaismFactor("shareOfWallet", input(), config)).toBe(0.5);
  });

  it("grow tenure to full over three years", () => {
    const k = input({ facts: { revenue: 1, growth: 0, tenureDays: 365, orderCount: 1 } });
    expect(kaismFactor("tenure", k, config)).toBeCloseTo(1 / 3);
  });
});

describe("KAISM quadrants", () => {
  it("call a big, growing, long-standing relationship customer strategic", () => {
    expect(placeKaism(input({ ratings: { strategic_fit: "high" } }), config)).toEqual({
      quadrant: "strategic",
      attractiveness: 100,
      strength: 85,
    });
  });

  it("call an attractive newcomer without a relationship develop", () => {
    const k = input({
      relationship: "transactional",
      facts: { revenue: 100, growth: 0.2, tenureDays: 10, orderCount: 1 },
      ratings: { relationship: "weak" },
    });
    expect(placeKaism(k, config).quadrant).toBe("develop");
  });

  it("call a small, loyal customer maintain and a small new one opportunistic", () => {
    const small = {
      revenueRank: 0,
      profitRank: 0,
      facts: { revenue: 1, growth: 0, tenureDays: 3 * 365, orderCount: 5 },
    };
    expect(placeKaism(input({ ...small, ratings: { strategic_fit: "low" } }), config).quadrant).toBe("maintain");
    const fresh = { ...small, facts: { revenue: 1, growth: 0, tenureDays: 0, orderCount: 1 } };
    expect(
      placeKaism(
        input({ ...fresh, relationship: "transactional", ratings: { strategic_fit: "low", relationship: "weak" } }),
        config,
      ).quadrant,
    ).toBe("opportunistic");
  });

  it("does not find a median customer attractive on unknowns (no growth history, fit unrated)", () => {
    // 30 × 0.5 + 25 × 0 + 25 × 0.5 + 20 × 0 = 27.5
    const k = input({
      revenueRank: 0.5,
      profitRank: 0.5,
      facts: { revenue: 1, growth: null, tenureDays: 0, orderCount: 1 },
    });
    expect(placeKaism(k, config).attractiveness).toBe(27.5);
  });

  it("counts exactly 50 on an axis as high", () => {
    // Attractiveness: size 30 × 1 + growth 25 × 0.8 + profit 0 + fit 0 = 50.
    const k = input({
      revenueRank: 1,
      profitRank: 0,
      facts: { revenue: 1, growth: 0.16, tenureDays: 0, orderCount: 1 },
      ratings: { strategic_fit: "low", relationship: "weak" },
    });
    const placed = placeKaism(k, config);
    expect(placed.attractiveness).toBe(50);
    expect(placed.quadrant).toBe("develop");
  });
});
