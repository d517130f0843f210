import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { actualValue, classifyValue, strategicValue } from "../../shared/value";

const value = defaultConfig().value;

describe("actual value", () => {
  it("is the NPV of (profit − service cost) over 3 years at retention 0.8 and discount 0.1", () => {
    const yearly = 100_000 - 20_000;
    const expected = [1, 2, 3].reduce((s, t) => s + (yearly * 0.8 ** t) / 1.1 ** t, 0);
    expect(actualValue(100_000, 20_000, value)).toBe(Math.round(expected));
  });

  it("is negative when serving the customer costs more than it earns", () => {
    expect(actualValue(1000, 5000, value)).toBeLessThan(0);
  });
});

describe("strategic value", () => {
  it("is the wallet left to win times our margin", () => {
    expect(strategicValue({ revenue: 100, profit: 20, growth: null }, 600)).toBe(100);
  });

  it("falls back to profit × growth without a wallet, and is never negative", () => {
    expect(strategicValue({ revenue: 100, profit: 20, growth: 0.5 }, null)).toBe(10);
    expect(strategicValue({ revenue: 100, profit: 20, growth: -0.5 }, null)).toBe(0);
  });
});

describe("value classes", () => {
  it("mark the top 5 % by actual value most valuable, the next best by strategic value second-tier, losses negative", () => {
    const n = 20;
    const actual = Array.from({ length: n }, (_, i) => (i === 19 ? -1 : 100 - i));
    const strategic = Array.from({ length: n }, (_, i) => i * 10);
    const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, "0")}`);
    const classes = classifyValue(actual, strategic, ids, value);
    expect(classes[0]).toBe("most_valuable");
    expect(classes.filter((c) => c === "most_valuable")).toHaveLength(1);
    expect(classes[19]).toBe("negative");
    // Top 20 % of 20 by strategic value = c19, c18, c17, c16; c19 stays negative.
    expect(classes.map((c, i) => (c === "second_tier" ? i : -1)).filter((i) => i >= 0)).toEqual([16, 17, 18]);
    expect(classes[5]).toBe("ordinary");
  });
});
