import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessChurn, medianCycle } from "../../shared/churn";
import { defaultConfig } from "../../shared/config";

const config = defaultConfig();
const quiet = (recencyDays: number, cycleDays: number | null) => ({
  recencyDays,
  cycleDays,
  revenueLast6Months: 0,
  revenuePrevious6Months: 0,
});

describe("churn risk", () => {
  it("is none at exactly 1.5 × the purchase cycle and medium just past it", () => {
    expect(assessChurn(quiet(30, 20), null, config)).toBe("none");
    expect(assessChurn(quiet(31, 20), null, config)).toBe("medium");
  });

  it("is medium at exactly 2 × the cycle and high just past it", () => {
    expect(assessChurn(quiet(40, 20), null, config)).toBe("medium");
    expect(assessChurn(quiet(41, 20), null, config)).toBe("high");
  });

  it("is medium when the last 6 months fell more than 30 % against the 6 before", () => {
    const drop = (last: number) => ({
      recencyDays: 1,
      cycleDays: 20,
      revenueLast6Months: last,
      revenuePrevious6Months: 100,
    });
    expect(assessChurn(drop(70), null, config)).toBe("none");
    expect(assessChurn(drop(69), null, config)).toBe("medium");
  });

  it("compares a single-order customer with the workspace median cycle", () => {
    expect(assessChurn(quiet(61, null), 30, config)).toBe("high");
    expect(assessChurn(quiet(45, null), 30, config)).toBe("none");
  });

  it("sees no risk for a customer that never ordered", () => {
    expect(
      assessChurn({ recencyDays: null, cycleDays: null, revenueLast6Months: 0, revenuePrevious6Months: 0 }, 30, config),
    ).toBe("none");
  });

  it("takes the workspace median of the customers' cycles", () => {
    expect(medianCycle([{ cycleDays: 10 }, { cycleDays: null }, { cycleDays: 40 }, { cycleDays: 30 }])).toBe(30);
    expect(medianCycle([{ cycleDays: null }])).toBeNull();
  });
});

describe("churn properties", () => {
  const RISK = { none: 0, medium: 1, high: 2 } as const;
  const facts = fc.record({
    recencyDays: fc.integer({ min: 0, max: 2000 }),
    cycleDays: fc.option(fc.integer({ min: 1, max: 400 })),
    revenueLast6Months: fc.integer({ min: 0, max: 1e6 }),
    revenuePrevious6Months: fc.integer({ min: 0, max: 1e6 }),
  });
  const workspaceCycle = fc.option(fc.integer({ min: 1, max: 400 }));

  it("never falls as the silence grows, for a fixed purchase cycle", () => {
    fc.assert(
      fc.property(facts, workspaceCycle, fc.nat(1000), (f, ws, longer) => {
        const now = RISK[assessChurn(f, ws, config)];
        const later = RISK[assessChurn({ ...f, recencyDays: f.recencyDays + longer }, ws, config)];
        expect(later).toBeGreaterThanOrEqual(now);
      }),
    );
  });

  it("is high exactly when the silence exceeds twice the cycle (own, else the workspace's)", () => {
    fc.assert(
      fc.property(facts, workspaceCycle, (f, ws) => {
        const cycle = f.cycleDays ?? ws;
        expect(assessChurn(f, ws, config) === "high").toBe(cycle !== null && f.recencyDays > 2 * cycle);
      }),
    );
  });

  it("is none for a customer who never ordered, whatever the rest", () => {
    fc.assert(
      fc.property(facts, workspaceCycle, (f, ws) => {
        expect(assessChurn({ ...f, recencyDays: null }, ws, config)).toBe("none");
      }),
    );
  });
});
