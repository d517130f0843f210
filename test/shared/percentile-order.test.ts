import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankDescending } from "../../shared/abc";
import { ascendingOrder, percentileRanking, percentileRanks } from "../../shared/percentile";

/** The plain definition: positions sorted by value with a comparator (stable), −0 equal to 0. */
const reference = (values: ArrayLike<number>) =>
  Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => (values[a] as number) + 0 - ((values[b] as number) + 0),
  );

/** Doubles as rankings meet them: money, counts, ratios, negatives, −0 and many ties. */
const doubleArb = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 100),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e15, max: 1e15, noNaN: true }),
);

describe("ascending order (radix arg-sort)", () => {
  it("orders like a stable comparator sort, small lists (comparator path)", () => {
    fc.assert(
      fc.property(fc.array(doubleArb, { maxLength: 300 }), (list) => {
        const values = Float64Array.from(list);
        expect([...ascendingOrder(values)]).toEqual(reference(values));
      }),
    );
  });

  it("orders like a stable comparator sort, large lists (radix path), ties kept in position order", () => {
    let seed = 11;
    const rand = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 4_294_967_296;
    };
    for (const n of [4096, 5000, 20_000]) {
      for (const kind of ["money", "mixed", "ties"]) {
        const values = Float64Array.from({ length: n }, () => {
          const r = rand();
          if (kind === "money") return Math.round(r ** 3 * 2e9);
          if (kind === "ties") return Math.floor(r * 7) - 3;
          return r < 0.1 ? -0 : r < 0.2 ? 0 : (rand() - 0.5) * 10 ** Math.floor(rand() * 16);
        });
        expect([...ascendingOrder(values)]).toEqual(reference(values));
      }
    }
  });

  it("gives percentile ranks equal to the definition on a large workspace, and the ranked values sorted", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 9 === 0 ? null : ((i * 7919) % 1013) * 100));
    const { ranks, sorted } = percentileRanking(values);
    const ranked = values.filter((v): v is number => v !== null);
    expect([...sorted]).toEqual([...ranked].sort((a, b) => a - b));
    const n = ranked.length;
    for (let i = 0; i < values.length; i += 37) {
      const v = values[i] as number | null;
      if (v === null) {
        expect(ranks[i]).toBe(0);
        continue;
      }
      const less = ranked.filter((x) => x < v).length;
      const equal = ranked.filter((x) => x === v).length;
      expect(ranks[i]).toBe((less + (less + equal - 1)) / 2 / (n - 1));
    }
    expect(percentileRanks(values)).toEqual(ranks);
  });

  it("ranks a large workspace best first, ties by id, without the non-positive values", () => {
    const values = Array.from({ length: 12_000 }, (_, i) => (i % 11 === 0 ? 0 : i % 13 === 0 ? -5 : (i * 7919) % 997));
    const ids = values.map((_, i) => `c${String((i * 4099) % 12_000).padStart(5, "0")}`);
    const expected = values
      .map((_, i) => i)
      .filter((i) => (values[i] as number) > 0)
      .sort(
        (a, b) => (values[b] as number) - (values[a] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1),
      );
    expect(rankDescending(values, ids)).toEqual(expected);
  });
});
