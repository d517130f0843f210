// gradeFromTouches: a stored grade recomputed from the customer's remaining touches (after one is undone) agrees with
// a full regrade without that touch, in everything it claims, and leaves the rest of the grade alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { type CustomerGrade, gradeAfterTouch, gradeFromTouches, gradeWorkspace } from "../../shared/grade";
import { workspace } from "./arbitraries";
import { ASOF, daysBefore, gradeOfOne, interaction, order } from "./builders";

const CLAIMED = new Set(["follow-up-overdue", "follow-up-due", "reply-due"]);
const claimed = (g: CustomerGrade) => g.suggestions.filter((s) => CLAIMED.has(s.code));
const others = (g: CustomerGrade) => g.suggestions.filter((s) => !CLAIMED.has(s.code));

describe("gradeFromTouches", () => {
  it("agrees with a regrade without the removed touch", () => {
    fc.assert(
      fc.property(workspace, fc.nat(), (input, pick) => {
        fc.pre(input.interactions.length > 0);
        const removed = input.interactions[pick % input.interactions.length]!;
        const rest = input.interactions.filter((i) => i !== removed);
        const id = removed.customerId;
        const before = gradeWorkspace(input).customers.find((g) => g.customerId === id)!;
        const after = gradeWorkspace({ ...input, interactions: rest }).customers.find((g) => g.customerId === id)!;
        // The engine counts no touch after its date; neither does the caller (the worker) pass one.
        const touches = rest.filter((i) => i.customerId === id && i.occurredAt.slice(0, 10) <= ASOF);
        const fresh = gradeFromTouches(before, touches, input.config);
        expect(fresh.tier).toBe(before.tier);
        fc.pre(after.tier === before.tier); // a touch's cost to serve can move the tier: that waits for the regrade
        expect(fresh.facts.lastContact).toBe(after.facts.lastContact);
        expect(fresh.serviceLevel).toEqual(after.serviceLevel);
        expect(claimed(fresh)).toEqual(claimed(after));
        expect(others(fresh)).toEqual(others(before));
      }),
      { numRuns: 300 },
    );
  });

  it("undoes a logged reply: the email waits again, and the follow-up is back as it was", () => {
    const config = defaultConfig();
    const email = interaction("c1", `${daysBefore(ASOF, 1)}T09:00:00Z`, { id: "e", kind: "email", direction: "in" });
    const old = interaction("c1", `${daysBefore(ASOF, 80)}T09:00:00Z`, { id: "o", kind: "call", direction: "out" });
    const graded = gradeOfOne([order("c1", daysBefore(ASOF, 20), 1000)], [old, email], config);
    const reply = { occurredAt: `${ASOF}T08:00:00Z`, kind: "email" as const, direction: "out" as const };
    const replied = gradeAfterTouch(graded, reply, config)!;
    expect(replied.suggestions.map((s) => s.code)).not.toContain("reply-due");
    const undone = gradeFromTouches(replied, [old, email], config);
    expect(undone).toEqual(graded);
    expect(replied.facts.lastContact).toBe(reply.occurredAt); // the grade given is not modified
  });

  it("with no touch left: never contacted", () => {
    const config = defaultConfig();
    const graded = gradeOfOne([], [], config);
    const touched = gradeAfterTouch(
      graded,
      { occurredAt: `${ASOF}T07:00:00Z`, kind: "call", direction: "out" },
      config,
    )!;
    expect(touched.facts.lastContact).not.toBeNull();
    expect(gradeFromTouches(touched, [], config)).toEqual(graded);
  });
});
