import { describe, expect, it } from "vitest";
import { assessChurn, medianCycle } from "../../shared/churn";
import { defaultConfig } from "../../shared/config";
import { classifyRelationship } from "../../shared/relationship";

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

describe("relationship vs transactional", () => {
  const regular = { tenureDays: 365, lifetimeOrderCount: 4, cycleCv: 0.5 };

  it("is relationship after a year of at least 4 regular orders", () => {
    expect(classifyRelationship(regular, config)).toBe("relationship");
  });

  it("is transactional when any condition misses", () => {
    expect(classifyRelationship({ ...regular, tenureDays: 364 }, config)).toBe("transactional");
    expect(classifyRelationship({ ...regular, lifetimeOrderCount: 3 }, config)).toBe("transactional");
    expect(classifyRelationship({ ...regular, cycleCv: 0.51 }, config)).toBe("transactional");
    expect(classifyRelationship({ tenureDays: null, lifetimeOrderCount: 0, cycleCv: null }, config)).toBe(
      "transactional",
    );
  });
});
