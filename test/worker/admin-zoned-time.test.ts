// The admin forms read datetime-local values in the workspace's zone, also across a daylight-saving change.
import { describe, expect, it } from "vitest";
import { nowLocal, todayIn, zonedLocalToIso } from "../../worker/src/admin/lib/zoned-time";

describe("zoned form times", () => {
  it("reads a wall-clock time in Shanghai as UTC+8", () => {
    expect(zonedLocalToIso("2026-03-01T10:30", "Asia/Shanghai")).toBe("2026-03-01T02:30:00.000Z");
  });

  it("uses the offset in force on that day on both sides of a daylight-saving change", () => {
    expect(zonedLocalToIso("2026-03-07T12:00", "America/New_York")).toBe("2026-03-07T17:00:00.000Z");
    expect(zonedLocalToIso("2026-03-09T12:00", "America/New_York")).toBe("2026-03-09T16:00:00.000Z");
  });

  it("rejects values that are not datetime-local", () => {
    expect(zonedLocalToIso("yesterday", "Asia/Shanghai")).toBeNull();
    expect(zonedLocalToIso("2026-03-01 10:30", "Asia/Shanghai")).toBeNull();
  });

  it("gives the form's default and today's date in the workspace's zone", () => {
    const now = Date.parse("2026-11-23T17:30:00Z"); // already the 24th in Shanghai
    expect(nowLocal("Asia/Shanghai", now)).toBe("2026-11-24T01:30");
    expect(todayIn("Asia/Shanghai", now)).toBe("2026-11-24");
    expect(todayIn("UTC", now)).toBe("2026-11-23");
  });
});
