// The customer pyramid (DOMAIN.md §3.3): VIP, key, major, ordinary, small by profit; negative profit is loss.
import { rankDescending } from "../abc";
import type { ScoringConfig } from "../config";
import type { PyramidLevel } from "../grade/types";

/**
 * How many customers each layer takes when `n` customers are ranked: ceil of the cumulative percent,
 * so a workspace of 10 still has one VIP. The epsilon keeps 5 % of 100 at 5, not 6.
 * @example
 * pyramidCounts(100, defaultConfig().pyramid) // [1, 5, 20, 50] (cumulative: vip, +key, +major, +ordinary)
 */
export function pyramidCounts(n: number, p: ScoringConfig["pyramid"]): number[] {
  const cumulative = [p.vipPercent, p.keyPercent, p.majorPercent, p.ordinaryPercent].reduce<number[]>(
    (acc, x) => acc.concat((acc[acc.length - 1] ?? 0) + x),
    [],
  );
  return cumulative.map((pct) => Math.min(n, Math.ceil((pct * n) / 100 - 1e-9)));
}

const LAYERS: PyramidLevel[] = ["vip", "key", "major", "ordinary"];

/**
 * The pyramid level of every customer by profit in the window. Layers are shares of the customers
 * not at a loss; a customer with zero profit is at most small; negative profit is loss.
 * @example
 * classifyPyramid([900, 0, -5], ["a", "b", "c"], defaultConfig().pyramid) // ["vip", "small", "loss"]
 */
export function classifyPyramid(
  profits: ArrayLike<number>,
  ids: readonly string[],
  pyramid: ScoringConfig["pyramid"],
  tieOrder?: Int32Array,
): PyramidLevel[] {
  const levels: PyramidLevel[] = new Array(profits.length);
  let n = 0;
  for (let i = 0; i < profits.length; i++) {
    const loss = (profits[i] as number) < 0;
    levels[i] = loss ? "loss" : "small";
    if (!loss) n++;
  }
  const counts = pyramidCounts(n, pyramid);
  const order = rankDescending(profits, ids, tieOrder);
  let layer = 0;
  for (let position = 0; position < order.length; position++) {
    while (layer < counts.length && position >= (counts[layer] as number)) layer++;
    if (layer === counts.length) break;
    levels[order[position] as number] = LAYERS[layer] as PyramidLevel;
  }
  return levels;
}
