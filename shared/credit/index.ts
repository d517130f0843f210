// Credit rating from payment history (DOMAIN.md §3.8): good, fair, watch, hold or unknown, plus over-limit.
import type { ScoringConfig } from "../config";
import type { CreditRating, CustomerFacts } from "../grade/types";

export type CreditFacts = Pick<
  CustomerFacts,
  "invoicesDue" | "onTimeShare" | "maxDaysLate" | "overdueAmount" | "oldestOverdueDays"
>;

/**
 * The credit rating. Hold wins over everything (unpaid beyond the hold age, or on-time share below
 * the hold share); then good (all on time, nothing overdue), fair, watch; a delay beyond watch is hold.
 * @example
 * rateCredit({ invoicesDue: 10, onTimeShare: 0.9, maxDaysLate: 15, overdueAmount: 0, oldestOverdueDays: 0 }, defaultConfig()) // "fair"
 * rateCredit({ invoicesDue: 10, onTimeShare: 0.9, maxDaysLate: 16, overdueAmount: 0, oldestOverdueDays: 0 }, defaultConfig()) // "watch"
 */
export function rateCredit(f: CreditFacts, config: ScoringConfig): CreditRating {
  const { fair, watch, hold } = config.credit;
  const overdue = f.overdueAmount > 0;
  if (f.invoicesDue === 0 && !overdue) return "unknown";
  const share = f.onTimeShare ?? 1;
  if ((overdue && f.oldestOverdueDays > hold.overdueDays) || share * 100 < hold.minOnTimePercent) return "hold";
  if (share === 1 && !overdue) return "good";
  const worst = Math.max(f.maxDaysLate, f.oldestOverdueDays);
  if (share * 100 >= fair.minOnTimePercent && worst <= fair.maxDaysLate) return "fair";
  if (worst <= watch.maxDaysLate) return "watch";
  return "hold";
}

/**
 * Whether the amount still owed exceeds the customer's credit limit (no limit → never).
 * @example
 * isOverLimit(120_00, 100_00) // true
 */
export function isOverLimit(outstanding: number, creditLimit: number | null): boolean {
  return creditLimit !== null && outstanding > creditLimit;
}
