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
 * First candidate in [lo, hi) for which `reaches` holds (hi when none), the answer assumed near `guess`: steps of
 * 1, 2, 4 … away from the guess bracket it, then a binary search inside the bracket. O(log distance), so a good
 * guess costs a handful of probes of neighbouring entries instead of a search across the whole ladder.
 */
function firstReaching(ladder: RankLadder, own: number | null, target: number, lo: number, hi: number, guess: number) {
  let below = lo - 1; // known not to reach (or before the range)
  let above = hi; // known to reach (or past the range)
  const g = Math.min(Math.max(guess, lo), hi - 1);
  if (reachesAt(ladder, own, g, target)) {
    above = g;
    for (let step = 1; ; step *= 2) {
      const m = g - step;
      if (m <= below) break;
      if (!reachesAt(ladder, own, m, target)) {
        below = m;
        break;
      }
      above = m;
    }
  } else {
    below = g;
    for (let step = 1; ; step *= 2) {
      const m = g + step;
      if (m >= above) break;
      if (reachesAt(ladder, own, m, target)) {
        above = m;
        break;
      }
      below = m;
    }
  }
  while (above - below > 1) {
    const mid = (below + above) >> 1;
    if (reachesAt(ladder, own, mid, target)) above = mid;
    else below = mid;
  }
  return above;
}

/**
 * Smallest whole value above `own` whose percentile rank reaches `target` (0–1). The rank only changes at
 * a ranked value or one unit above it, so one search over those 2·D candidates finds it, O(log N). The search
 * starts where the target rank says the answer lies (about target × D), so it usually probes only a few;
 * `ownRank`, the customer's current percentile rank, is only a hint of where `own` sits (any value is correct).
 * @example
 * smallestValueReaching(rankLadder([10, 20, 30]), 10, 1)    // 31
 * smallestValueReaching(rankLadder([10, 20, 30]), 10, 0.75) // 30 (passing 20, tying 30)
 */
export function smallestValueReaching(
  ladder: RankLadder,
  own: number | null,
  target: number,
  ownRank?: number,
): number | null {
  const base = own ?? 0;
  const d = ladder.distinct;
  const perDistinct = d.length / Math.max(1, ladder.size);
  // k: the first distinct value at or above base + 1, which also gives the rank base + 1 would have. The customer's
  // own rank, when known, says where its value sits: the search starts just above it.
  const near = own !== null && ownRank !== undefined ? ownRank * (ladder.size - 1) * perDistinct + 1 : undefined;
  const k = lowerBound(d, base + 1, near);
  const less = k < d.length ? (ladder.less[k] as number) : ladder.size;
  const equal = k < d.length && d[k] === base + 1 ? (ladder.equal[k] as number) : 0;
  if (rankOf(ladder, own, base + 1, less, equal) >= target) return base + 1;
  const hi = 2 * d.length;
  // First candidate above the current value: candidate 2k is (d[k] > base), and with whole values at most the one
  // just before it (d[k − 1] + 1) also is. Values between base − 1 and base + 1 need a search of the ones before.
  let lo = 2 * k;
  if (lo > 0 && !valueAtMost(d, lo - 1, base)) lo--;
  if (lo > 0 && !valueAtMost(d, lo - 1, base)) {
    let a = 0;
    while (a < lo) {
      const mid = (a + lo) >> 1;
      if (valueAtMost(d, mid, base)) a = mid + 1;
      else lo = mid;
    }
  }
  if (lo >= hi || !reachesAt(ladder, own, hi - 1, target)) return null;
  // With distinct values, less[j] = j: the rank target × (size − 1) is near distinct value target × D.
  const guess = 2 * Math.floor(target * (ladder.size - 1) * perDistinct);
  return valueAt(d, firstReaching(ladder, own, target, lo, hi, guess));
}
