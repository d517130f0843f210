import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { nextFollowUp, replyBy, serviceLevelFor } from "../../shared/service";

const config = defaultConfig(); // Asia/Shanghai

describe("reply targets", () => {
  it("gives tier A 4 hours: Friday 15:00 in Shanghai → 19:00 the same day", () => {
    expect(replyBy("2026-11-27T07:00:00Z", "A", config)).toBe("2026-11-27T11:00:00.000Z");
  });

  it("does not count the weekend: Friday 22:00 + 4 hours → Monday 02:00 (Shanghai)", () => {
    expect(replyBy("2026-11-27T14:00:00Z", "A", config)).toBe("2026-11-29T18:00:00.000Z");
  });

  it("gives tier B one working day: Friday 15:00 → Monday 15:00", () => {
    expect(replyBy("2026-11-27T07:00:00Z", "B", config)).toBe("2026-11-30T07:00:00.000Z");
  });

  it("gives tier C three working days, starting Monday for mail received on Saturday", () => {
    // Saturday 11:00 Shanghai → Monday 00:00 + 72 h = Thursday 00:00 Shanghai = Wednesday 16:00 UTC.
    expect(replyBy("2026-11-28T03:00:00Z", "C", config)).toBe("2026-12-02T16:00:00.000Z");
  });

  it("reads the weekday in the given time zone", () => {
    // Friday 20:00 UTC is already Saturday 04:00 in Shanghai.
    expect(replyBy("2026-11-27T20:00:00Z", "A", config, "UTC")).toBe("2026-11-28T00:00:00.000Z");
    expect(replyBy("2026-11-27T20:00:00Z", "A", config, "Asia/Shanghai")).toBe("2026-11-29T20:00:00.000Z");
  });

  it("follows a daylight-saving change over the weekend (New York, 2026-03-08)", () => {
    // Friday 23:00 EST: one hour left on Friday, then Monday 00:00 EDT + 3 h = 03:00 EDT = 07:00 UTC.
    expect(replyBy("2026-03-07T04:00:00Z", "A", config, "America/New_York")).toBe("2026-03-09T07:00:00.000Z");
  });
});

describe("follow-up cadence", () => {
  it("schedules A weekly, B every 15 days and C monthly after the last contact", () => {
    expect(nextFollowUp("2026-03-01T09:00:00Z", "A", "2026-03-02", config)).toBe("2026-03-08");
    expect(nextFollowUp("2026-03-01T09:00:00Z", "B", "2026-03-02", config)).toBe("2026-03-16");
    expect(nextFollowUp("2026-03-01T09:00:00Z", "C", "2026-03-02", config)).toBe("2026-03-31");
  });

  it("is due at once for a customer never contacted", () => {
    expect(nextFollowUp(null, "B", "2026-03-02", config)).toBe("2026-03-02");
  });

  it("gives only A customers a named account manager and says the reply target in working days below A", () => {
    expect(serviceLevelFor("A", null, "2026-03-02", config)).toEqual({
      cadenceDays: 7,
      replyHours: 4,
      nextFollowUp: "2026-03-02",
      accountManager: true,
    });
    expect(serviceLevelFor("C", null, "2026-03-02", config)).toEqual({
      cadenceDays: 30,
      replyHours: 72,
      replyWorkingDays: 3,
      nextFollowUp: "2026-03-02",
      accountManager: false,
    });
  });
});
