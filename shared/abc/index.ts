// ABC / Pareto classification (DOMAIN.md §3.2): A while the customers ranked before hold < 80 % of the total.
import type { ScoringConfig } from "../config";
import type { AbcClass, ParetoReport } from "../grade/types";
import { ascendingOrder } from "../percentile";

/**
 * Position of each id in id order, so rankings break ties with a number instead of a string compare.
 * @example
 * idOrder(["b", "c", "a"]) // Int32Array [1, 2, 0]
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const byId = Array.from(ids.keys()).sort((a, b) => {
    const ia = ids[a] as string;
    const ib = ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const rank = new Int32Array(ids.length);
  byId.forEach((i, position) => {
    rank[i] = position;
  });
  return rank;
}

/**
 * Indices of the customers with a positive value, best first; ties break by id so results are stable.
 * One radix arg-sort of the values (no comparator per pair, no search per customer); only
 * customers tied on the same value are ordered by id (`tieOrder`, from `idOrder`, when given, else the ids).
 * @example
 * rankDescending([5, 9, 5], ["b", "c", "a"]) // [1, 2, 0]
 */
export function rankDescending(values: ArrayLike<number>, ids: readonly string[], tieOrder?: Int32Array): number[] {
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > 0) n++;
  // Negated, so the stable ascending arg-sort (radix, no comparator) puts the best first and equal values in input order.
  const keys = new Float64Array(n);
  const at = new Int32Array(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(v > 0)) continue;
    keys[k] = -v;
    at[k++] = i;
  }
  const sorted = ascendingOrder(keys);
  const order: number[] = new Array(n);
  let tied = false;
  for (let k = 0; k < n; k++) {
    order[k] = at[sorted[k] as number] as number;
    if (k > 0 && keys[sorted[k] as number] === keys[sorted[k - 1] as number]) tied = true;
  }
  if (tied) sortTies(order, values, ids, tieOrder);
  return order;
}

/** Within each run of equal values (in value order), order the customers by id. */
function sortTies(order: number[], values: ArrayLike<number>, ids: readonly string[], tieOrder?: Int32Array): void {
  let i = 0;
  while (i < order.length) {
    let j = i + 1;
    const v = values[order[i] as number];
    while (j < order.length && values[order[j] as number] === v) j++;
    if (j - i > 1) {
      const run = order.slice(i, j).sort(
        tieOrder
          ? (a, b) => (tieOrder[a] as number) - (tieOrder[b] as number)
          : (a, b) => {
              const ia = ids[a] as string;
              const ib = ids[b] as string;
              return ia < ib ? -1 : ia > ib ? 1 : 0;
            },
      );
      for (let k = 0; k < run.length; k++) order[i + k] = run[k] as number;
    }
    i = j;
  }
}

/**
 * The ABC class of every customer by revenue or profit (per `config.abc.basis`) in the window.
 * A customer is A when the share held by the customers ranked before it is < aPercent, B when
 * < bPercent, else C; no positive value → C.
 * @example
 * classifyAbc([70, 10, 10, 10], ["a", "b", "c", "d"], defaultConfig().abc) // ["A", "B", "C", "C"]
 */
export function classifyAbc(
  values: ArrayLike<number>,
  ids: readonly string[],
  abc: ScoringConfig["abc"],
  order: readonly number[] = rankDescending(values, ids),
): AbcClass[] {
  const classes: AbcClass[] = new Array(values.length).fill("C");
  let total = 0;
  for (let k = 0; k < order.length; k++) total += values[order[k] as number] as number;
  let before = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    // Compare before / total < percent / 100 without dividing, so exactly 80 % is not A.
    if (before * 100 < abc.aPercent * total) classes[i] = "A";
    else if (before * 100 < abc.bPercent * total) classes[i] = "B";
    before += values[i] as number;
  }
  return classes;
}

/**
 * The Pareto curve: cumulative value share at every 5 % of customers (all customers count), and
 * how much the top 20 % bring.
 * @example
 * paretoReport([80, 5, 5, 5, 5], ["a", "b", "c", "d", "e"], ["A", "B", "B", "C", "C"], "revenue").top // { customerPercent: 20, valuePercent: 80 }
 */
export function paretoReport(
  values: ArrayLike<number>,
  ids: readonly string[],
  classes: readonly AbcClass[],
  basis: ParetoReport["basis"],
  order: readonly number[] = rankDescending(values, ids),
): ParetoReport {
  const cumulative: number[] = [0];
  for (let k = 0; k < order.length; k++)
    cumulative.push((cumulative[cumulative.length - 1] as number) + (values[order[k] as number] as number));
  const total = cumulative[cumulative.length - 1] as number;
  const n = values.length;
  const shareOfTop = (customerShare: number) => {
    const k = Math.min(order.length, Math.round(customerShare * n));
    return total > 0 ? (cumulative[k] as number) / total : 0;
  };
  const points = Array.from({ length: 21 }, (_, step) => ({
    customerShare: step / 20,
    valueShare: shareOfTop(step / 20),
  }));
  const counts: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  for (let k = 0; k < classes.length; k++) counts[classes[k] as AbcClass]++;
  return {
    basis,
    total,
    points,
    top: { customerPercent: 20, valuePercent: Math.round(shareOfTop(0.2) * 1000) / 10 },
    counts,
  };
}
