// Stable in-place sort for the short per-customer lists (suggestions, move-up options), without sort's work arrays.

/** Above this length the built-in sort (also stable) is used. */
const SMALL = 16;

/**
 * Sorts `list` in place with `compare`, stably, and returns it: the same order `Array.prototype.sort` gives.
 * Insertion sort for short lists: the built-in sort allocates work arrays on every call, which at 100k customers
 * with a few items each is tens of megabytes of garbage per grading run.
 * @example
 * sortSmall([{ p: 2, k: "a" }, { p: 1, k: "b" }, { p: 2, k: "c" }], (x, y) => x.p - y.p).map((x) => x.k) // ["b", "a", "c"]
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  const n = list.length;
  if (n > SMALL) return list.sort(compare);
  for (let i = 1; i < n; i++) {
    const item = list[i] as T;
    let j = i - 1;
    // Strictly greater moves: equal items keep their order (stable).
    while (j >= 0 && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}
