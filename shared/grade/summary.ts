// The stable subset of a grade that decides whether a customer's grade changed since the last snapshot.
import type { CustomerGrade, GradeSummary } from "./types";

/**
 * The fields compared between runs: a different summary means a new snapshot in the history.
 * @example
 * gradeSummary(grade) // { tier: "B", score: 68.4, keyAccount: false, negativeValue: false, credit: "fair", churn: "none", abc: "A", pyramid: "major", segment: "important_value", valueClass: "ordinary" }
 */
export function gradeSummary(grade: CustomerGrade): GradeSummary {
  return {
    tier: grade.tier,
    score: grade.score,
    keyAccount: grade.keyAccount,
    negativeValue: grade.negativeValue,
    credit: grade.credit.rating,
    churn: grade.churn,
    abc: grade.abc,
    pyramid: grade.pyramid,
    segment: grade.rfm?.segment ?? null,
    valueClass: grade.value.class,
  };
}

/**
 * Whether two summaries differ in any field.
 * @example
 * summaryChanged(gradeSummary(a), gradeSummary(a)) // false
 */
export function summaryChanged(a: GradeSummary, b: GradeSummary): boolean {
  return (Object.keys(a) as (keyof GradeSummary)[]).some((k) => a[k] !== b[k]);
}
