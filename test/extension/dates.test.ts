// Reading the hosts' displayed dates, and "reply by" = received + the tier's reply target in working hours.
import { describe, expect, it } from "vitest";
import { parseMailDate } from "../../extension/lib/parse-date";
import { replyByMs } from "../../extension/lib/reply-by";
import { local } from "./fixtures";

describe("parseMailDate", () => {
  it.each([
    ["Mon, Mar 2, 2026, 4:10 PM", local(2026, 3, 2, 16, 10)],
    ["20 Aug 2025, 13:19", local(2025, 8, 20, 13, 19)],
    ["Mon 3/2/2026 4:10 PM", local(2026, 3, 2, 16, 10)],
    ["2026年3月2日 16:10 (星期一)", local(2026, 3, 2, 16, 10)],
    ["2026年3月3日(星期二) 上午9:41", local(2026, 3, 3, 9, 41)],
    ["2017年10月28日(星期六) 下午1:57", local(2017, 10, 28, 13, 57)],
    ["Tue, Mar 3, 2026, 12:05 AM", local(2026, 3, 3, 0, 5)],
    ["1772500860000", 1772500860000],
  ])("reads %s", (text, expected) => {
    expect(parseMailDate(text)).toBe(expected);
  });

  it.each(["9:41 AM", "昨天", "", "Feb 30, 2026, 1:00 PM", "Foo 3, 2026, 1:00 PM"])("gives up on %j", (text) => {
    expect(parseMailDate(text)).toBeNull();
  });
});

describe("replyByMs", () => {
  it("adds the A target of 4 working hours on a weekday", () => {
    expect(replyByMs(Date.parse("2026-03-03T09:00:00Z"), { replyHours: 4 }, "UTC")).toBe(
      Date.parse("2026-03-03T13:00:00Z"),
    );
  });

  it("skips the weekend for B's one working day", () => {
    expect(replyByMs(Date.parse("2026-11-27T16:00:00Z"), { replyHours: 24, replyWorkingDays: 1 }, "UTC")).toBe(
      Date.parse("2026-11-30T16:00:00Z"),
    );
  });

  it("starts counting on Monday for mail received on a Saturday", () => {
    expect(replyByMs(Date.parse("2026-11-28T10:00:00Z"), { replyHours: 4 }, "UTC")).toBe(
      Date.parse("2026-11-30T04:00:00Z"),
    );
  });

  it("is null without a reply target", () => {
    expect(replyByMs(0, null, "UTC")).toBeNull();
    expect(replyByMs(0, { replyHours: "4" }, "UTC")).toBeNull();
  });
});
