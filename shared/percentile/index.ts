// Percentile rank among customers (DOMAIN.md §3.1): (ascending rank − 1) / (N − 1), ties share their average rank.
import { ascendingOrder } from "./order";

export { ascendingOrder } from "./order";

/**
 * Percentile rank of every value; `null` values are not ranked and get 0 (a customer without orders).
 * One sort for the whole workspace, so callers rank once and look up per customer.
 * @example
 * percentileRanks([10, 20, 20, 40]) // [0, 0.5, 0.5, 1]
 * percentileRanks([7, null])        // [1, 0]   (N = 1 → 1)
 */
export function percentileRanks(values: readonly (number | null)[]): Float64Array {
  return percentileRanking(values).ranks;
}

/** Percentile ranks, and the ranked values ascending (for a rank ladder of the same values). */
export interface PercentileRanking {
  ranks: Float64Array;
  sorted: Float64Array;
}

/**
 * Like `percentileRanks`, also handing back the ranked values sorted ascending.
 * @example
 * percentileRanking([20, null, 10]).sorted // Float64Array [10, 20]
 */
export function percentileRanking(values: readonly (number | null)[]): PercentileRanking {
  const ranks = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null) n++;
  const keys = new Float64Array(n);
  const at = new Int32Array(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    keys[k] = v as number;
    at[k++] = i;
  }
  // One arg-sort (radix, no comparator), then a walk over the runs of equal values: no search per customer.
  const order = ascendingOrder(keys);
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = keys[order[k] as number] as number;
  if (n === 1) ranks[at[0] as number] = 1;
  for (let lower = 0; lower < n && n > 1; ) {
    const v = sorted[lower] as number;
    let upper = lower + 1;
    while (upper < n && sorted[upper] === v) upper++;
    // Positions lower..upper−1 (0-based) share the average 1-based rank; as a percentile (i + j) / 2 / (n − 1).
    const rank = (lower + (upper - 1)) / 2 / (n - 1);
    for (let k = lower; k < upper; k++) ranks[at[order[k] as number] as number] = rank;
    lower = upper;
  }
  return { ranks, sorted };
}

/**
 * Index of the first element ≥ value (lower bound) in an ascending array. With a `guess` of where it lies, the
 * search brackets it by steps of 1, 2, 4 … from the guess first: a few probes when the guess is close, never
 * more than about twice a plain binary search's.
 * @example
 * lowerBound([1, 3, 3, 5], 3)    // 1
 * lowerBound([1, 3, 3, 5], 4, 0) // 3
 */
export function lowerBound(sorted: ArrayLike<number>, value: number, guess?: number): number {
  let lo = 0;
  let hi = sorted.length;
  if (guess !== undefined && hi > 0) {
    // Invariant of the search below: everything before lo is < value, everything from hi on is ≥ value.
    const g = Math.min(Math.max(Math.floor(guess), 0), hi - 1);
    if ((sorted[g] as number) < value) {
      lo = g + 1;
      for (let step = 1; lo + step - 1 < hi; step *= 2) {
        if ((sorted[lo + step - 1] as number) >= value) {
          hi = lo + step - 1;
          break;
        }
        lo += step;
      }
    } else {
      hi = g;
      for (let step = 1; hi - step >= lo; step *= 2) {
        if ((sorted[hi - step] as number) < value) {
          lo = hi - step + 1;
          break;
        }
        hi -= step;
      }
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the first element > value (upper bound) in an ascending array.
 * @example
 * upperBound([1, 3, 3, 5], 3) // 3
 */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Percentile rank a value would have among the other customers' sorted values (itself included in N).
 * @example
 * percentileRankAmong(new Float64Array([10, 20, 30]), 20) // (1 + 0.5) / 3 = 0.5
 */
export function percentileRankAmong(sortedOthers: ArrayLike<number>, value: number): number {
  const n = sortedOthers.length + 1;
  if (n === 1) return 1;
  const less = lowerBound(sortedOthers, value);
  const equal = upperBound(sortedOthers, value) - less;
  return (less + equal / 2) / (n - 1);
}
