import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAbc, paretoReport } from "../../shared/abc";
import { defaultConfig } from "../../shared/config";

const abc = defaultConfig().abc;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, "0")}`);

describe("ABC classification", () => {
  it("keeps a customer whose predecessors hold exactly 80 % out of A", () => {
    // Before a: 0 % → A; before b: 80 % → B; before c: 90 % → B; before d: 95 % → C.
    expect(classifyAbc([80, 10, 5, 5], ["a", "b", "c", "d"], abc)).toEqual(["A", "B", "B", "C"]);
  });

  it("makes a customer A while the customers before it hold just under 80 %", () => {
    expect(classifyAbc([79, 11, 10], ["a", "b", "c"], abc)).toEqual(["A", "A", "B"]);
  });

  it("puts customers without positive revenue in C", () => {
    expect(classifyAbc([0, -5, 10], ["a", "b", "c"], abc)).toEqual(["C", "C", "A"]);
  });

  it("breaks ties by customer id so the result is stable", () => {
    // b and c tie at 10; b ranks first (70 % before it → A), c then has 80 % before it → B.
    expect(classifyAbc([70, 10, 10, 10], ["a", "c", "b", "d"], abc)).toEqual(["A", "B", "A", "B"]);
  });

  it("reports the Pareto curve and what the top 20 % bring", () => {
    const report = paretoReport([80, 5, 5, 5, 5], ["a", "b", "c", "d", "e"], ["A", "B", "B", "C", "C"], "revenue");
    expect(report.top).toEqual({ customerPercent: 20, valuePercent: 80 });
    expect(report.points[0]).toEqual({ customerShare: 0, valueShare: 0 });
    expect(report.points[20]).toEqual({ customerShare: 1, valueShare: 1 });
    expect(report.counts).toEqual({ A: 1, B: 2, C: 2 });
  });
});

describe("ABC properties", () => {
  const revenues = fc.array(fc.integer({ min: -100, max: 10_000 }), { minLength: 1, maxLength: 60 });
  const rank = { A: 0, B: 1, C: 2 };

  it("give every customer exactly one class, and the first-ranked positive customer A", () => {
    fc.assert(
      fc.property(revenues, (values) => {
        const classes = classifyAbc(values, ids(values.length), abc);
        expect(classes).toHaveLength(values.length);
        for (const c of classes) expect(["A", "B", "C"]).toContain(c);
        const best = values.indexOf(Math.max(...values));
        if ((values[best] as number) > 0) expect(classes[best]).toBe("A");
      }),
    );
  });

  it("never lower a customer's class when its revenue grows", () => {
    fc.assert(
      fc.property(revenues, fc.nat(), fc.integer({ min: 1, max: 10_000 }), (values, pick, more) => {
        const i = pick % values.length;
        const before = classifyAbc(values, ids(values.length), abc)[i]!;
        const richer = values.map((v, j) => (j === i ? v + more : v));
        const after = classifyAbc(richer, ids(values.length), abc)[i]!;
        expect(rank[after]).toBeLessThanOrEqual(rank[before]);
      }),
    );
  });

  it("do not depend on the order of the customers", () => {
    fc.assert(
      fc.property(revenues, (values) => {
        const names = ids(values.length);
        const forward = classifyAbc(values, names, abc);
        const backward = classifyAbc([...values].reverse(), [...names].reverse(), abc).reverse();
        expect(backward).toEqual(forward);
      }),
    );
  });
});
