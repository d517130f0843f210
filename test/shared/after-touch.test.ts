// gradeAfterTouch: a stored grade refreshed for one more touch agrees with a full regrade that includes the touch,
// in everything it claims (last contact, service level, follow-up and reply steps), and leaves the rest alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { type CustomerGrade, gradeAfterTouch, gradeWorkspace } from "../../shared/grade";
import { INTERACTION_KINDS } from "../../shared/records";
import { workspace } from "./arbitraries";
import { ASOF, daysBefore, gradeOfOne, interaction, order } from "./builders";

const CLAIMED = new Set(["follow-up-overdue", "follow-up-due", "reply-due"]);
const claimed = (g: CustomerGrade) => g.suggestions.filter((s) => CLAIMED.has(s.code));
const others = (g: CustomerGrade) => g.suggestions.filter((s) => !CLAIMED.has(s.code));

describe("gradeAfterTouch", () => {
  it("agrees with a regrade that includes the touch", () => {
    fc.assert(
      fc.property(
        workspace,
        fc.nat(5),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
        // Often on the hour of an existing touch (they are at 00–09:00), to try equal instants too.
        fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 23 })),
        fc.constantFrom("00", "30"),
        fc.constantFrom(...INTERACTION_KINDS),
        fc.constantFrom("in" as const, "out" as const, null),
        (input, who, daysAgo, hour, minute, kind, direction) => {
          const customerId = input.customers[who % input.customers.length]!.id;
          const at = `${daysBefore(ASOF, daysAgo)}T${String(hour).padStart(2, "0")}:${minute}:00Z`;
          const touch = { occurredAt: at, kind, direction };
          const before = gradeWorkspace(input).customers.find((g) => g.customerId === customerId)!;
          const after = gradeWorkspace({
            ...input,
            interactions: [...input.interactions, interaction(customerId, at, { id: "new", kind, direction })],
          }).customers.find((g) => g.customerId === customerId)!;
          const fresh = gradeAfterTouch(before, touch, input.config) ?? before;
          expect(fresh.tier).toBe(before.tier);
          // Its cost to serve may turn the customer negative-value (tier C): then the cadence is C's at the regrade.
          fc.pre(after.tier === before.tier);
          expect(fresh.facts.lastContact).toBe(after.facts.lastContact);
          expect(fresh.serviceLevel).toEqual(after.serviceLevel);
          // The one case left to the regrade: an incoming email older than the last contact, no reply pending.
          const undecidable =
            direction === "in" &&
            kind === "email" &&
            before.facts.lastContact !== null &&
            at <= before.facts.lastContact &&
            !before.suggestions.some((s) => s.code === "reply-due");
          if (undecidable) expect(claimed(fresh)).toEqual(claimed(before));
          else expect(claimed(fresh)).toEqual(claimed(after));
          // The other steps are the stored ones, in their order, around the refreshed ones as the engine sorts them.
          expect(others(fresh)).toEqual(others(before));
          expect(fresh.suggestions.map((s) => s.code)).toEqual(
            [...fresh.suggestions].sort((a, b) => a.priority - b.priority).map((s) => s.code),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("decides touches at the same instant as the engine does", () => {
    const config = defaultConfig();
    const T = `${daysBefore(ASOF, 1)}T09:00:00Z`;
    const gradeWith = (interactions: ReturnType<typeof interaction>[]) =>
      gradeOfOne([order("c1", daysBefore(ASOF, 20), 1000)], interactions, config);
    const email = interaction("c1", T, { id: "e", kind: "email", direction: "in" });
    const call = interaction("c1", T, { id: "c", kind: "call", direction: "out" });
    const codes = (g: CustomerGrade | null) => g?.suggestions.filter((s) => CLAIMED.has(s.code)).map((s) => s.code);
    // An answer at the very instant of the email answers it.
    const pending = gradeWith([email]);
    expect(codes(pending)).toContain("reply-due");
    expect(codes(gradeAfterTouch(pending, call, config))).toEqual(codes(gradeWith([email, call])));
    expect(codes(gradeWith([email, call]))).not.toContain("reply-due");
    // An email at the very instant of the last outgoing touch is not unanswered.
    const called = gradeWith([call]);
    expect(codes(gradeAfterTouch(called, email, config) ?? called)).toEqual(codes(gradeWith([call, email])));
  });

  it("clears an overdue follow-up with today's call, and returns null for a touch behind the last contact", () => {
    const config = defaultConfig();
    const grade = gradeOfOne(
      [order("c1", daysBefore(ASOF, 20), 1000)],
      [interaction("c1", `${daysBefore(ASOF, 60)}T09:00:00Z`)],
      config,
    );
    expect(grade.suggestions.map((s) => s.code)).toContain("follow-up-overdue");
    const fresh = gradeAfterTouch(grade, { occurredAt: `${ASOF}T08:00:00Z`, direction: "out", kind: "call" }, config);
    expect(fresh?.suggestions.map((s) => s.code)).not.toContain("follow-up-overdue");
    expect(fresh?.facts.lastContact).toBe(`${ASOF}T08:00:00Z`);
    expect(fresh?.serviceLevel.nextFollowUp).toBe(daysBefore(ASOF, -grade.serviceLevel.cadenceDays));
    expect(grade.facts.lastContact).toBe(`${daysBefore(ASOF, 60)}T09:00:00Z`); // the stored grade is not modified
    expect(
      gradeAfterTouch(
        grade,
        { occurredAt: `${daysBefore(ASOF, 90)}T08:00:00Z`, direction: null, kind: "note" },
        config,
      ),
    ).toBeNull();
  });

  it("counts a touch dated after the grade's date from that day", () => {
    const config = defaultConfig();
    const grade = gradeOfOne([], [], config);
    const later = daysBefore(ASOF, -3);
    const fresh = gradeAfterTouch(grade, { occurredAt: `${later}T10:00:00Z`, direction: "out", kind: "visit" }, config);
    expect(fresh?.serviceLevel.nextFollowUp).toBe(daysBefore(later, -grade.serviceLevel.cadenceDays));
    expect(fresh?.suggestions.some((s) => s.code.startsWith("follow-up"))).toBe(false);
  });
});
