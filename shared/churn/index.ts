// Churn risk (DOMAIN.md §3.10): silence long past the customer's own purchase cycle, or a falling half-year.
import type { ScoringConfig } from "../config";
import type { ChurnRisk, CustomerFacts } from "../grade/types";

/**
 * Median of the customers' purchase cycles: the yardstick for customers with a single order date.
 * @example
 * medianCycle([{ cycleDays: 10 }, { cycleDays: null }, { cycleDays: 30 }]) // 20
 */
export function medianCycle(facts: readonly Pick<CustomerFacts, "cycleDays">[]): number | null {
  // A typed array sorts natively (no comparator calls): one value per customer with a cycle.
  let count = 0;
  for (let i = 0; i < facts.length; i++) if ((facts[i] as Pick<CustomerFacts, "cycleDays">).cycleDays !== null) count++;
  if (count === 0) return null;
  const cycles = new Float64Array(count);
  for (let i = 0, k = 0; i < facts.length; i++) {
    const c = (facts[i] as Pick<CustomerFacts, "cycleDays">).cycleDays;
    if (c !== null) cycles[k++] = c;
  }
  cycles.sort();
  const mid = count >> 1;
  return count % 2 ? (cycles[mid] as number) : ((cycles[mid - 1] as number) + (cycles[mid] as number)) / 2;
}

/**
 * High when days since the last order > highMultiple × cycle; medium when > mediumMultiple × cycle or
 * revenue of the last `dropMonths` months fell more than dropPercent against the months before.
 * A customer with one order date uses the workspace median cycle; without orders there is no risk.
 * @example
 * assessChurn({ recencyDays: 61, cycleDays: 30, revenueLast6Months: 0, revenuePrevious6Months: 0 }, null, defaultConfig()) // "high"
 * assessChurn({ recencyDays: 45, cycleDays: 30, revenueLast6Months: 0, revenuePrevious6Months: 0 }, null, defaultConfig()) // "none" (exactly 1.5×)
 */
export function assessChurn(
  f: Pick<CustomerFacts, "recencyDays" | "cycleDays" | "revenueLast6Months" | "revenuePrevious6Months">,
  workspaceCycle: number | null,
  config: ScoringConfig,
): ChurnRisk {
  if (f.recencyDays === null) return "none";
  const ch = config.churn;
  const cycle = f.cycleDays ?? workspaceCycle;
  if (cycle !== null && f.recencyDays > ch.highMultiple * cycle) return "high";
  if (cycle !== null && f.recencyDays > ch.mediumMultiple * cycle) return "medium";
  const before = f.revenuePrevious6Months;
  if (before > 0 && (before - f.revenueLast6Months) * 100 > ch.dropPercent * before) return "medium";
  return "none";
}
