// Grades as stored: the content hash of a grade, scores ×100, and the previous summary read back from the
// stored filter columns.
import type { GradeSummary } from "../../../shared/grade";
import type { grades } from "../db/schema";

export type StoredGrade = Pick<
  typeof grades.$inferSelect,
  | "customerId"
  | "hash"
  | "tier"
  | "score"
  | "keyAccount"
  | "negativeValue"
  | "credit"
  | "churn"
  | "abc"
  | "pyramid"
  | "rfmSegment"
  | "valueClass"
>;

/**
 * cyrb53: a fast 53-bit string hash. Change detection only (not security): a SHA-256 per grade would
 * cost more than grading on a 100,000-customer workspace.
 */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Scores are kept ×100 as integers (two decimals exactly). */
export const scoreX100 = (score: number) => Math.round(score * 100);

/** The summary of the stored grade, rebuilt from its filter columns (they hold exactly the summary's fields). */
export function storedSummary(g: StoredGrade): GradeSummary {
  return {
    tier: g.tier as GradeSummary["tier"],
    score: g.score / 100,
    keyAccount: g.keyAccount,
    negativeValue: g.negativeValue,
    credit: g.credit as GradeSummary["credit"],
    churn: g.churn as GradeSummary["churn"],
    abc: g.abc as GradeSummary["abc"],
    pyramid: g.pyramid as GradeSummary["pyramid"],
    segment: g.rfmSegment as GradeSummary["segment"],
    valueClass: g.valueClass as GradeSummary["valueClass"],
  };
}
