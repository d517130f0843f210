// Grades as stored: the content hash of a grade, scores ×100, the reply deadline column, and the previous summary
// read back from the stored filter columns.
import type { CustomerGrade, GradeSummary } from "../../../shared/grade";
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

const encoder = new TextEncoder();
/** Reused between calls: the UTF-8 bytes of the text being hashed (3 bytes per UTF-16 unit at most). */
let bytes = new Uint8Array(64 * 1024);

/**
 * A fast 53-bit hash of a text: cyrb53's mixing over its UTF-8 bytes, four bytes per step (the native encoder
 * plus a word loop hashes a 2.7 kB grade about 4× faster than one step per UTF-16 unit). Change detection only
 * (not security): a SHA-256 per grade would cost more than grading on a 100,000-customer workspace.
 * @example
 * hash53('{"tier":"A"}') === hash53('{"tier":"A"}') // true; any change of the text changes it (but for 2^-53)
 */
export function hash53(text: string): string {
  if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3);
  const b = bytes;
  const n = encoder.encodeInto(text, b).written ?? 0;
  let h1 = 0xdeadbeef ^ n;
  let h2 = 0x41c6ce57;
  const words = n & ~3;
  let i = 0;
  for (; i < words; i += 4) {
    const w =
      (b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24);
    // The shift folds each step's high bits back down: a multiply alone only carries a change upward, and a
    // word's high byte would then be lost off the top (one-character edits collided in tests without it).
    h1 = Math.imul(h1 ^ w, 2654435761);
    h1 ^= h1 >>> 15;
    h2 = Math.imul(h2 ^ w, 1597334677);
    h2 ^= h2 >>> 13;
  }
  for (; i < n; i++) {
    h1 = Math.imul(h1 ^ (b[i] as number), 2654435761);
    h2 = Math.imul(h2 ^ (b[i] as number), 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Scores are kept ×100 as integers (two decimals exactly). */
export const scoreX100 = (score: number) => Math.round(score * 100);

/** The deadline of the grade's reply-due step (its stored `reply_by` column), null when no email waits. */
export function replyByOf(grade: Pick<CustomerGrade, "suggestions">): string | null {
  return grade.suggestions.find((s) => s.code === "reply-due")?.due ?? null;
}

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
