import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  dayNumber,
  dayParser,
  isoDate,
  MS_PER_DAY,
  monthBefore,
  timestampMs,
  utcTimestampMs,
} from "../../shared/dates";

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

  it("read the same through the remembering parser, repeated or not, past its 4,096-date memory", () => {
    const day = dayParser();
    const dates = Array.from({ length: 5000 }, (_, i) => isoDate(19_000 + i));
    // Twice over 5,000 distinct dates: the memory is cleared on the way and must still answer right.
    for (const iso of [...dates, ...dates]) expect(day(iso)).toBe(dayNumber(iso));
    expect(day("2026-03-01T23:59:59+08:00")).toBe(dayNumber("2026-03-01"));
    expect(() => day("01/03/2026")).toThrow(RangeError);
    // A rejected text is not remembered as a date either.
    expect(() => day("01/03/2026")).toThrow(RangeError);
  });

  it("move by calendar months, clamping to the end of shorter months", () => {
    expect(isoDate(addMonths(dayNumber("2026-08-31"), -6))).toBe("2026-02-28");
    expect(isoDate(addMonths(dayNumber("2026-03-01"), -12))).toBe("2025-03-01");
  });

  it("take 'a month ago' of the grade migration as thirty days back, across month and year ends", () => {
    expect(monthBefore("2026-03-01")).toBe("2026-01-30");
    expect(monthBefore("2026-01-15")).toBe("2025-12-16");
    expect(monthBefore("2024-03-30")).toBe("2024-02-29");
  });
});

describe("timestamps", () => {
  it("read the common UTC forms by hand exactly as Date.parse does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), fc.nat(2), (ms, form) => {
        const full = new Date(ms).toISOString();
        if (full.length !== 24) return; // six-digit years: Date.parse's own business
        const iso = form === 0 ? full : form === 1 ? `${full.slice(0, 19)}Z` : full.slice(0, 10);
        expect(timestampMs(iso)).toBe(Date.parse(iso));
        // The hand parser takes every real date (29–31 included), and its day is the date as written.
        expect(utcTimestampMs(iso)).toBe(Date.parse(iso));
        expect(Math.floor(utcTimestampMs(iso) / MS_PER_DAY)).toBe(dayNumber(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it("read the last days of each month by hand, and leave days a month lacks to Date.parse", () => {
    for (const iso of ["2024-02-29T23:59:59Z", "2026-01-31T05:00:00.123Z", "2026-04-30", "2000-02-29T00:00:00Z"])
      expect(utcTimestampMs(iso)).toBe(Date.parse(iso));
    for (const iso of ["2026-02-29T00:00:00Z", "2100-02-29", "2026-04-31T00:00:00Z"]) {
      expect(utcTimestampMs(iso)).toBeNaN();
      expect(timestampMs(iso)).toBe(Date.parse(iso));
    }
    expect(utcTimestampMs("2026-03-32T00:00:00Z")).toBeNaN();
    expect(() => timestampMs("2026-03-32T00:00:00Z")).toThrow(RangeError);
  });

  it("leave every other form, and impossible fields, to Date.parse", () => {
    for (const iso of [
      "2026-03-01T09:00:00+08:00",
      "2024-02-29T23:59:59Z",
      "2026-03-31T12:00:00Z",
      "2026-02-30",
      "2026-03-01T24:00:00Z",
      "2026-03-01T09:00:00.12Z",
      "2026-03-01T09:00",
    ])
      expect(timestampMs(iso)).toBe(Date.parse(iso));
    for (const bad of ["2026-13-01T00:00:00Z", "2026-03-01T24:00:01Z", "2026-03-01T09:60:00Z", "x"])
      expect(() => timestampMs(bad)).toThrow(RangeError);
  });
});
