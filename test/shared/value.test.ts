import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { VALUE_CLASSES } from "../../shared/grade/types";
import { actualValue, classifyValue, strategicValue } from "../../shared/value";
import { shuffle } from "./arbitraries";

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

describe("value properties", () => {
  const workspaces = fc
    .array(fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 1e6 })), {
      minLength: 1,
      maxLength: 80,
    })
    .map((rows) => ({
      actual: rows.map(([a]) => a),
      strategic: rows.map(([, s]) => s),
      ids: rows.map((_, i) => `c${String(i).padStart(3, "0")}`),
    }));
  const count = (classes: string[], c: string) => classes.filter((x) => x === c).length;

  it("put every customer in exactly one of the four classes, negative exactly when actual value < 0", () => {
    fc.assert(
      fc.property(workspaces, ({ actual, strategic, ids }) => {
        const classes = classifyValue(actual, strategic, ids, value);
        expect(classes).toHaveLength(ids.length);
        expect(VALUE_CLASSES.reduce((s, c) => s + count(classes, c), 0)).toBe(ids.length);
        classes.forEach((c, i) => {
          expect(c === "negative").toBe(actual[i]! < 0);
        });
      }),
    );
  });

  it("make the top 5 % (rounded up) most valuable, fewer only when not enough customers have positive value", () => {
    fc.assert(
      fc.property(workspaces, ({ actual, strategic, ids }) => {
        const classes = classifyValue(actual, strategic, ids, value);
        const positive = actual.filter((a) => a > 0).length;
        expect(count(classes, "most_valuable")).toBe(Math.min(positive, Math.ceil(ids.length / 20)));
        // Nobody left out of the top is worth more than someone in it.
        const top = actual.filter((_, i) => classes[i] === "most_valuable");
        const rest = actual.filter((_, i) => classes[i] !== "most_valuable");
        if (top.length) expect(Math.max(...rest, Number.NEGATIVE_INFINITY)).toBeLessThanOrEqual(Math.min(...top));
      }),
    );
  });

  it("make second-tier only customers with positive strategic value within the top 20 % of it", () => {
    fc.assert(
      fc.property(workspaces, ({ actual, strategic, ids }) => {
        const classes = classifyValue(actual, strategic, ids, value);
        const second = strategic.filter((_, i) => classes[i] === "second_tier");
        expect(second.length).toBeLessThanOrEqual(Math.ceil(ids.length / 5));
        const better = (s: number) => strategic.filter((x) => x > s).length;
        for (const s of second) {
          expect(s).toBeGreaterThan(0);
          expect(better(s)).toBeLessThan(Math.ceil(ids.length / 5));
        }
      }),
    );
  });

  it("do not depend on the order of the customers", () => {
    fc.assert(
      fc.property(workspaces, fc.integer(), ({ actual, strategic, ids }, seed) => {
        const order = shuffle(
          ids.map((_, i) => i),
          seed,
        );
        const classes = classifyValue(actual, strategic, ids, value);
        const shuffled = classifyValue(
          order.map((i) => actual[i]!),
          order.map((i) => strategic[i]!),
          order.map((i) => ids[i]!),
          value,
        );
        expect(shuffled).toEqual(order.map((i) => classes[i]));
      }),
    );
  });

  it("rise with profit, fall with the cost to serve, and take the sign of profit − cost", () => {
    const money = fc.integer({ min: 0, max: 1e8 });
    fc.assert(
      fc.property(money, money, fc.nat(1e6), (profit, cost, more) => {
        const v = actualValue(profit, cost, value);
        expect(actualValue(profit + more, cost, value)).toBeGreaterThanOrEqual(v);
        expect(actualValue(profit, cost + more, value)).toBeLessThanOrEqual(v);
        expect(Math.sign(v)).toBe(Math.sign(profit - cost));
      }),
    );
  });
});
