import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankLadder, rankWithValue, smallestValueReaching } from "../../shared/moveup";
import { customer, invoice, order } from "./builders";
import { byId, grade } from "./workspace";

describe("smallest value reaching a percentile rank", () => {
  it("says the rank a value would get among the other customers", () => {
    expect(rankWithValue(rankLadder([10, 20, 30]), 10, 25)).toBe(0.5);
    expect(rankWithValue(rankLadder([10, 20, 20, 30]), null, 20)).toBe((1 + 1) / 4);
  });

  it("finds the value just above the customer that must be passed", () => {
    // Others 20 and 30 (own 10 is in the list): reaching rank 1 needs more than 30.
    expect(smallestValueReaching(rankLadder([10, 20, 30]), 10, 1)).toBe(31);
    // Rank 0.75 = passing 20 and tying 30: value 30 gives (1 + 0.5) / 2.
    expect(smallestValueReaching(rankLadder([10, 20, 30]), 10, 0.75)).toBe(30);
  });

  it("finds it among amounts with cents too, where another customer is less than one unit above", () => {
    // Others 10.5 and 20: rank 0.75 is passing 10.5 and tying 20; 11 and 11.5 only pass 10.5 (0.5).
    expect(smallestValueReaching(rankLadder([10, 10.5, 20]), 10, 0.75)).toBe(20);
    expect(smallestValueReaching(rankLadder([10, 10.5, 20]), 10, 0.75, 0)).toBe(20);
    expect(smallestValueReaching(rankLadder([9.2, 9.6, 10, 10.5, 20]), 10, 1, 0.5)).toBe(21);
  });

  it("agrees with a brute-force scan of every whole value, whatever the hint of the customer's own rank", () => {
    fc.assert(
      fc.property(
        // Up to 400 values, so the searches step far from where they start on some ladders.
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 25 }),
          fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 100, maxLength: 400 }),
        ),
        fc.option(fc.integer({ min: 0, max: 60 })),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        (others, own, target, hint) => {
          const sorted = rankLadder(Float64Array.from(own === null ? others : [...others, own]).sort());
          const base = own ?? 0;
          let brute: number | null = null;
          for (let v = base + 1; v <= 62; v++) {
            // The rank by definition, counted straight from the other customers' values.
            const less = others.filter((x) => x < v).length;
            const equal = others.filter((x) => x === v).length;
            const rank = others.length === 0 ? 1 : (less + equal / 2) / others.length;
            if (rank >= target) {
              brute = v;
              break;
            }
          }
          expect(smallestValueReaching(sorted, own, target)).toBe(brute);
          expect(smallestValueReaching(sorted, own, target, hint ?? undefined)).toBe(brute);
          if (own !== null)
            expect(smallestValueReaching(sorted, own, target, rankWithValue(sorted, own, own))).toBe(brute);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("what would move the tier up", () => {
  // Five customers with rising revenue and profit, all paying on time (credit good: 20) and without a
  // previous year (growth undefined: half of 20 = 10). Profits: a 100, b 500, c 1000, d 1500, e 2000.
  const customers = ["a", "b", "c", "d", "e"].map((id) => customer(id));
  const invoices = customers.map((c) => invoice(c.id, "2026-01-10", 100, "2026-01-10"));
  const orders = [
    order("a", "2026-02-01", 1000, 900),
    order("b", "2026-02-01", 2000, 1500),
    order("c", "2026-02-01", 3000, 2000),
    order("d", "2026-02-01", 4000, 2500),
    order("e", "2026-02-01", 5000, 3000),
  ];
  const result = grade({ customers, orders, invoices });
  const moves = (id: string) =>
    byId(result, id).moveUp.map((m) => [m.criterion, m.fact, m.delta, m.fromTier, m.toTier]);

  it("lifts a B to A through the one rank that makes 75: above every other customer", () => {
    // c ranks 0.5 on both: 15 + 15 + 20 + 10 = 60 → B. A needs 15 more, i.e. rank 1 on one criterion:
    // profit above e's 2000 (+1001) or revenue above e's 5000 (+2001).
    expect(byId(result, "c")).toMatchObject({ score: 60, tier: "B" });
    expect(moves("c")).toEqual([
      ["profit", "profit", 1001, "B", "A"],
      ["order_amount", "revenue", 2001, "B", "A"],
    ]);
    expect(byId(result, "c").moveUp[0]?.message).toEqual({
      key: "moveup.profit",
      params: { amount: 1001, from: "B", to: "A" },
    });
  });

  it("lifts a C to B by passing d: rank 0.75 needs profit above 1500 (+1001), not a tie at 1500", () => {
    // b: 7.5 + 7.5 + 20 + 10 = 45 → C; B needs 15 more → 22.5 of 30 → rank 0.75 among 5.
    expect(byId(result, "b")).toMatchObject({ score: 45, tier: "C" });
    expect(moves("b")).toEqual([
      ["profit", "profit", 1001, "C", "B"],
      ["order_amount", "revenue", 2001, "C", "B"],
    ]);
  });

  it("needs the whole weight of a criterion from rank 0, and offers nothing above tier A", () => {
    // a: 0 + 0 + 20 + 10 = 30; B needs all 30 points of one criterion: rank 1, above e.
    expect(moves("a")).toEqual([
      ["profit", "profit", 1901, "C", "B"],
      ["order_amount", "revenue", 4001, "C", "B"],
    ]);
    expect(byId(result, "e").moveUp).toEqual([]);
  });

  it("is exact: that much more profit lifts the tier, one unit less does not", () => {
    const delta = byId(result, "c").moveUp.find((m) => m.fact === "profit")!.delta;
    // An extra zero-amount order with negative cost changes profit only.
    const withProfit = (extra: number) =>
      byId(grade({ customers, invoices, orders: [...orders, order("c", "2026-02-02", 0, -extra)] }), "c").tier;
    expect(withProfit(delta)).toBe("A");
    expect(withProfit(delta - 1)).toBe("B");
  });
});
