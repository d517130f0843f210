// Percentile rank among customers (DOMAIN.md §3.1): (ascending rank − 1) / (N − 1), ties share their average rank.

/**
 * Percentile rank of every value; `null` values are not ranked and get 0 (a customer without orders).
 * One sort for the whole workspace, so callers rank once and look up per customer.
 * @example
 * percentileRanks([10, 20, 20, 40]) // [0, 0.5, 0.5, 1]
 * percentileRanks([7, null])        // [1, 0]   (N = 1 → 1)
 */
export function percentileRanks(values: readonly (number | null)[]): Float64Array {
  const ranks = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null) n++;
  if (n === 0) return ranks;
  if (n === 1) {
    for (let i = 0; i < values.length; i++) if (values[i] !== null) ranks[i] = 1;
    return ranks;
  }
  // Native sort of the values, then each value's tie group [lower, upper) by binary search: no comparator calls.
  const sorted = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null) sorted[k++] = values[i] as number;
  sorted.sort();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    const lower = lowerBound(sorted, v as number);
    // Most groups are single values; recency and order counts have large ones, so binary search for the end.
    const upper = sorted[lower + 1] === v ? upperBound(sorted, v as number) : lower + 1;
    // Positions lower..upper−1 (0-based) share the average 1-based rank; as a percentile (i + j) / 2 / (n − 1).
    ranks[i] = (lower + (upper - 1)) / 2 / (n - 1);
  }
  return ranks;
}

/**
 * Index of the first element ≥ value (lower bound) in an ascending array.
 * @example
 * lowerBound([1, 3, 3, 5], 3) // 1
 */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
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
