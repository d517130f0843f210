// ABC / Pareto classification (DOMAIN.md §3.2): A while the customers ranked before hold < 80 % of the total.
import type { ScoringConfig } from "../config";
import type { AbcClass, ParetoReport } from "../grade/types";

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
 * Pass `tieOrder` (from `idOrder`) when ranking the same customers several times.
 * @example
 * rankDescending([5, 9, 5], ["b", "c", "a"]) // [1, 2, 0]
 */
export function rankDescending(
  values: ArrayLike<number>,
  ids: readonly string[],
  tieOrder: Int32Array = idOrder(ids),
): number[] {
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > 0) order.push(i);
  return order.sort(
    (a, b) => (values[b] as number) - (values[a] as number) || (tieOrder[a] as number) - (tieOrder[b] as number),
  );
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
  for (const i of order) total += values[i] as number;
  let before = 0;
  for (const i of order) {
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
  for (const i of order) cumulative.push((cumulative[cumulative.length - 1] as number) + (values[i] as number));
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
  for (const c of classes) counts[c]++;
  return {
    basis,
    total,
    points,
    top: { customerPercent: 20, valuePercent: Math.round(shareOfTop(0.2) * 1000) / 10 },
    counts,
  };
}
