// The ranked values of one percentile criterion, prepared once so "what rank would this value get" is O(log N).
import { lowerBound } from "../percentile";

/** Distinct ranked values ascending, with how many ranked values are below and equal to each. */
export interface RankLadder {
  distinct: Float64Array;
  less: Int32Array;
  equal: Int32Array;
  /** Number of ranked values (customers with orders). */
  size: number;
}

/**
 * Builds the ladder from the ascending ranked values of the workspace, once per criterion.
 * @example
 * rankLadder([10, 20, 20, 30]) // { distinct: [10, 20, 30], less: [0, 1, 3], equal: [1, 2, 1], size: 4 }
 */
export function rankLadder(sorted: ArrayLike<number>): RankLadder {
  // Count first, then fill typed arrays of that size: no 100k-element lists grown by push and copied.
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  const distinct = new Float64Array(count);
  const less = new Int32Array(count);
  const equal = new Int32Array(count);
  for (let i = 0, k = -1; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (k >= 0 && distinct[k] === v) equal[k]!++;
    else {
      k++;
      distinct[k] = v;
      less[k] = i;
      equal[k] = 1;
    }
  }
  return { distinct, less, equal, size: sorted.length };
}

function rankOf(ladder: RankLadder, own: number | null, value: number, less: number, equal: number): number {
  const n = own === null ? ladder.size + 1 : ladder.size;
  if (n === 1) return 1;
  if (own !== null) {
    // The customer's own current value is in the ladder; it does not compete with itself.
    if (own < value) less--;
    else if (own === value) equal--;
  }
  return (less + equal / 2) / (n - 1);
}

/**
 * Percentile rank a customer would have with `value` (its own current value `own` is in the ladder when ranked).
 * @example
 * rankWithValue(rankLadder([10, 20, 30]), 10, 25) // others 20, 30 → (1 + 0) / 2 = 0.5
 */
export function rankWithValue(ladder: RankLadder, own: number | null, value: number): number {
  const k = lowerBound(ladder.distinct, value);
  if (k < ladder.distinct.length && ladder.distinct[k] === value)
    return rankOf(ladder, own, value, ladder.less[k] as number, ladder.equal[k] as number);
  return rankOf(ladder, own, value, k < ladder.distinct.length ? (ladder.less[k] as number) : ladder.size, 0);
}

/** Candidate m: even → the k-th distinct value, odd → one unit above it. */
function valueAt(d: Float64Array, m: number): number {
  return (d[m >> 1] as number) + (m & 1);
}

/*
 * The searches below ask yes/no questions ("is candidate m at most the base", "does it reach the target") and get
 * booleans back: a helper returning the double itself would, when not inlined, box a heap number per step, and
 * this runs about 35 steps per criterion for every customer below A. The arithmetic is rankOf's, unchanged.
 */

/** Whether candidate m's value is at most `base`. */
function valueAtMost(d: Float64Array, m: number, base: number): boolean {
  return (d[m >> 1] as number) + (m & 1) <= base;
}

/** Whether the rank at candidate m, in O(1) from the ladder's counts, reaches `target`. */
function reachesAt(ladder: RankLadder, own: number | null, m: number, target: number): boolean {
  const d = ladder.distinct;
  const k = m >> 1;
  if ((m & 1) === 0)
    return rankOf(ladder, own, d[k] as number, ladder.less[k] as number, ladder.equal[k] as number) >= target;
  const v = (d[k] as number) + 1;
  if (k + 1 < d.length && d[k + 1] === v)
    return rankOf(ladder, own, v, ladder.less[k + 1] as number, ladder.equal[k + 1] as number) >= target;
  return rankOf(ladder, own, v, (ladder.less[k] as number) + (ladder.equal[k] as number), 0) >= target;
}

/**
 * Smallest whole value above `own` whose percentile rank reaches `target` (0–1). The rank only changes at
 * a ranked value or one unit above it, so one binary search over those 2·D candidates finds it, O(log N).
 * @example
 * smallestValueReaching(rankLadder([10, 20, 30]), 10, 1)    // 31
 * smallestValueReaching(rankLadder([10, 20, 30]), 10, 0.75) // 30 (passing 20, tying 30)
 */
export function smallestValueReaching(ladder: RankLadder, own: number | null, target: number): number | null {
  const base = own ?? 0;
  if (rankWithValue(ladder, own, base + 1) >= target) return base + 1;
  const d = ladder.distinct;
  let lo = 0;
  let hi = 2 * d.length;
  // First candidate above the current value.
  let a = 0;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (valueAtMost(d, mid, base)) a = mid + 1;
    else b = mid;
  }
  lo = a;
  if (lo >= hi || !reachesAt(ladder, own, hi - 1, target)) return null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reachesAt(ladder, own, mid, target)) hi = mid;
    else lo = mid + 1;
  }
  return valueAt(d, lo);
}
