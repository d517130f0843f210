import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, dayNumber, isoDate } from "../../shared/dates";

describe("day numbers", () => {
  it("count days since 1970-01-01 and read only the date part of a timestamp", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2); // 2000 was a leap year
    expect(dayNumber("2100-03-01") - dayNumber("2100-02-28")).toBe(1); // 2100 will not be
    expect(dayNumber("2026-03-01T23:59:59+08:00")).toBe(dayNumber("2026-03-01"));
  });

  it("agree with Date.UTC for any date and round-trip through isoDate", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(day);
        expect(isoDate(day)).toBe(iso);
      }),
    );
  });

  it("reject text that is not a date", () => {
    expect(() => dayNumber("01/03/2026")).toThrow(RangeError);
  });

  it("move by calendar months, clamping to the end of shorter months", () => {
    expect(isoDate(addMonths(dayNumber("2026-08-31"), -6))).toBe("2026-02-28");
    expect(isoDate(addMonths(dayNumber("2026-03-01"), -12))).toBe("2025-03-01");
  });
});
