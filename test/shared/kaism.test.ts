import fc from "fast-check";
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

describe("KAISM properties", () => {
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const inputs = fc.record({
    revenueRank: share,
    profitRank: share,
    growth: fc.option(fc.double({ min: -1, max: 3, noNaN: true })),
    tenureDays: fc.option(fc.integer({ min: 0, max: 5000 })),
    revenue: fc.integer({ min: 0, max: 1e7 }),
    orderCount: fc.nat(50),
    wallet: fc.option(fc.integer({ min: 0, max: 1e7 })),
    fit: fc.constantFrom(undefined, "high", "medium", "low", "bogus"),
    relationshipRating: fc.constantFrom(undefined, "close", "normal", "weak"),
    relationship: fc.constantFrom("relationship" as const, "transactional" as const),
  });
  const toInput = (x: typeof inputs extends fc.Arbitrary<infer T> ? T : never): KaismInput => ({
    customer: {
      ratings: {
        ...(x.fit ? { strategic_fit: x.fit } : {}),
        ...(x.relationshipRating ? { relationship: x.relationshipRating } : {}),
      },
      wallet: x.wallet,
    },
    facts: { revenue: x.revenue, growth: x.growth, tenureDays: x.tenureDays, orderCount: x.orderCount },
    relationship: x.relationship,
    revenueRank: x.revenueRank,
    profitRank: x.profitRank,
  });

  it("keep both axes within 0–100 and pick the quadrant from the split at 50", () => {
    fc.assert(
      fc.property(inputs, (x) => {
        const { quadrant, attractiveness, strength } = placeKaism(toInput(x), config);
        for (const axis of [attractiveness, strength]) {
          expect(axis).toBeGreaterThanOrEqual(0);
          expect(axis).toBeLessThanOrEqual(100);
        }
        const expected = { "11": "strategic", "10": "develop", "01": "maintain", "00": "opportunistic" };
        const key = `${attractiveness >= 50 ? 1 : 0}${strength >= 50 ? 1 : 0}` as keyof typeof expected;
        expect(quadrant).toBe(expected[key]);
      }),
    );
  });

  it("never lower attractiveness when size, profit, growth or strategic fit improve, nor touch strength", () => {
    const FIT = [undefined, "low", "medium", "high"] as const;
    fc.assert(
      fc.property(inputs, share, share, fc.double({ min: 0, max: 2, noNaN: true }), (x, dSize, dProfit, dGrowth) => {
        const before = placeKaism(toInput(x), config);
        const fitAt = Math.max(0, FIT.indexOf(x.fit as (typeof FIT)[number]));
        const better = {
          ...x,
          revenueRank: Math.min(1, x.revenueRank + dSize),
          profitRank: Math.min(1, x.profitRank + dProfit),
          growth: (x.growth ?? 0) + dGrowth,
          fit: FIT[Math.min(3, fitAt + 1)],
        };
        const after = placeKaism(toInput(better), config);
        expect(after.attractiveness).toBeGreaterThanOrEqual(before.attractiveness);
        expect(after.strength).toBe(before.strength);
        // A higher attractiveness can only move a customer up: opportunistic → develop, maintain → strategic.
        if (before.quadrant === "strategic" || before.quadrant === "develop")
          expect(["strategic", "develop"]).toContain(after.quadrant);
      }),
    );
  });
});
