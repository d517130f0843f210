// The short-list sort used for suggestions and move-up options gives exactly the built-in stable sort's order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortSmall } from "../../shared/grade/small-sort";

const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe("sortSmall", () => {
  it("orders like Array.prototype.sort, keeping equal items in their input order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }), (keys) => {
        const items = keys.map((key, at) => ({ key, at }));
        const expected = [...items].sort(byKey);
        const list = [...items];
        expect(sortSmall(list, byKey)).toBe(list);
        expect(list).toEqual(expected);
      }),
    );
  });

  it("keeps ties in order: suggestions of equal priority stay as they were found", () => {
    const list = [
      { key: 3, at: "advance" },
      { key: 1, at: "hold" },
      { key: 3, at: "verify" },
      { key: 1, at: "reply" },
    ];
    expect(sortSmall(list, byKey).map((x) => x.at)).toEqual(["hold", "reply", "advance", "verify"]);
  });
});
