// Amounts cross the API as decimals and are stored as integer minor units: exact both ways, no float drift.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMinor, isMoneyAmount, parseMinor, toMinor } from "../../shared/contract/money";

describe("toMinor", () => {
  it("converts decimals with up to two places exactly", () => {
    expect(toMinor(0.29)).toBe(29);
    expect(toMinor(1234.5)).toBe(123450);
    expect(toMinor("1234.56")).toBe(123456);
    expect(toMinor(-12.05)).toBe(-1205);
    expect(toMinor(0)).toBe(0);
    expect(toMinor("3.30")).toBe(330);
  });

  it("refuses more than two decimals, exponents, non-finite numbers and junk", () => {
    for (const bad of [
      1.234,
      "1.234",
      1e21,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "",
      "1,5",
      "abc",
      "1.",
      ".5",
      2 ** 53,
    ]) {
      expect(parseMinor(bad as number), String(bad)).toBeNull();
      expect(isMoneyAmount(bad as number)).toBe(false);
    }
    expect(() => toMinor(0.001)).toThrow(RangeError);
  });
});

describe("fromMinor", () => {
  it("gives back the decimal that JSON prints exactly", () => {
    expect(fromMinor(29)).toBe(0.29);
    expect(JSON.stringify(fromMinor(123456))).toBe("1234.56");
    expect(fromMinor(-1205)).toBe(-12.05);
  });

  it("round-trips every amount in minor units through the API form and its JSON", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (minor) => {
        expect(toMinor(fromMinor(minor))).toBe(minor);
        expect(toMinor(JSON.parse(JSON.stringify(fromMinor(minor))) as number)).toBe(minor);
      }),
    );
  });

  it("round-trips every decimal string with at most two places", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, "0")}`;
        expect(toMinor(text)).toBe(whole * 100 + cents);
        expect(fromMinor(toMinor(text))).toBe(Number(text));
      }),
    );
  });
});
