import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { classifyPyramid, pyramidCounts } from "../../shared/pyramid";

const pyramid = defaultConfig().pyramid;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(4, "0")}`);

describe("customer pyramid", () => {
  it("splits 100 profitable customers 1 VIP, 4 key, 15 major, 30 ordinary, 50 small", () => {
    const profits = Array.from({ length: 100 }, (_, i) => 1000 - i);
    const levels = classifyPyramid(profits, ids(100), pyramid);
    const count = (l: string) => levels.filter((x) => x === l).length;
    expect([count("vip"), count("key"), count("major"), count("ordinary"), count("small")]).toEqual([1, 4, 15, 30, 50]);
    expect(levels[0]).toBe("vip");
    expect(levels.slice(1, 5)).toEqual(["key", "key", "key", "key"]);
  });

  it("puts negative profit below the pyramid as loss and zero profit at most small", () => {
    expect(classifyPyramid([-1, 0, 10], ["a", "b", "c"], pyramid)).toEqual(["loss", "small", "vip"]);
  });

  it("still has a VIP in a small workspace (layers round up)", () => {
    expect(pyramidCounts(10, pyramid)).toEqual([1, 1, 2, 5]);
  });
});

describe("pyramid properties", () => {
  it("place every customer on exactly one level, losses exactly where profit is negative", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 120 }), (profits) => {
        const levels = classifyPyramid(profits, ids(profits.length), pyramid);
        expect(levels).toHaveLength(profits.length);
        levels.forEach((l, i) => {
          expect(l === "loss").toBe((profits[i] as number) < 0);
        });
      }),
    );
  });

  it("never place a less profitable customer above a more profitable one", () => {
    const order = ["vip", "key", "major", "ordinary", "small", "loss"];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 120 }), (profits) => {
        const levels = classifyPyramid(profits, ids(profits.length), pyramid);
        profits.forEach((p, i) => {
          profits.forEach((q, j) => {
            if (p > q) expect(order.indexOf(levels[i]!)).toBeLessThanOrEqual(order.indexOf(levels[j]!));
          });
        });
      }),
    );
  });
});
