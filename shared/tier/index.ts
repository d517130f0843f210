// The tier a rep sees (DOMAIN.md §4): the headline model's A/B/C plus the key-account and negative-value marks.
import type { ScoringConfig } from "../config";
import type { AbcClass, KaismQuadrant, PyramidLevel, Tier, ValueClass } from "../grade/types";

export interface ModelOutputs {
  scorecardTier: Tier;
  abc: AbcClass;
  pyramid: PyramidLevel;
  valueClass: ValueClass;
  quadrant: KaismQuadrant;
}

const PYRAMID_TIER: Record<PyramidLevel, Tier> = {
  vip: "A",
  key: "A",
  major: "B",
  ordinary: "C",
  small: "C",
  loss: "C",
};
const VALUE_TIER: Record<ValueClass, Tier> = { most_valuable: "A", second_tier: "B", ordinary: "C", negative: "C" };
const KAISM_TIER: Record<KaismQuadrant, Tier> = { strategic: "A", develop: "B", maintain: "B", opportunistic: "C" };

/**
 * The headline tier from the model the workspace chose. Non-scorecard models map onto A/B/C:
 * pyramid VIP/key → A, major → B; value most valuable → A, second-tier → B; KAISM strategic → A,
 * develop/maintain → B; everything else C.
 * @example
 * headlineTier({ scorecardTier: "B", abc: "A", pyramid: "major", valueClass: "ordinary", quadrant: "develop" }, defaultConfig()) // "B"
 */
export function headlineTier(m: ModelOutputs, config: ScoringConfig): Tier {
  switch (config.headline) {
    case "abc":
      return m.abc;
    case "pyramid":
      return PYRAMID_TIER[m.pyramid];
    case "value":
      return VALUE_TIER[m.valueClass];
    case "kaism":
      return KAISM_TIER[m.quadrant];
    default:
      return m.scorecardTier;
  }
}

/**
 * Key account: pyramid VIP or key, or value class most valuable, or KAISM strategic or develop.
 * @example
 * isKeyAccount({ pyramid: "major", valueClass: "ordinary", quadrant: "develop" }) // true
 */
export function isKeyAccount(m: Pick<ModelOutputs, "pyramid" | "valueClass" | "quadrant">): boolean {
  return (
    m.pyramid === "vip" ||
    m.pyramid === "key" ||
    m.valueClass === "most_valuable" ||
    m.quadrant === "strategic" ||
    m.quadrant === "develop"
  );
}

/**
 * Rank of a tier for comparisons: A = 0 (best); an unknown stored tier ranks last.
 * @example
 * tierRank("B") > tierRank("A") // true: B is worse
 */
export function tierRank(tier: Tier | string): number {
  return tier === "A" ? 0 : tier === "B" ? 1 : tier === "C" ? 2 : 3;
}
