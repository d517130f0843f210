// The workspace-wide model runs: every model that ranks customers against each other, computed once.
import { classifyAbc, paretoReport, rankDescending } from "../abc";
import { medianCycle } from "../churn";
import type { ScoringConfig } from "../config";
import { rateCredit } from "../credit";
import { rankLadder } from "../moveup";
import type { PercentileRanking } from "../percentile";
import { classifyPyramid } from "../pyramid";
import type { CustomerRecord } from "../records";
import { scoreRfm } from "../rfm";
import { metricRanking, metricRanks, rankPercentileCriteria } from "../scorecard";
import { actualValue, classifyValue, strategicValue } from "../value";
import type { CustomerFacts } from "./types";

/**
 * Runs the ranking models over all customers (one sort per ranking, never per customer).
 * @example
 * rankWorkspace(customers, facts, defaultConfig()).abc[0] // "A"
 */
export function rankWorkspace(
  customers: readonly CustomerRecord[],
  facts: readonly CustomerFacts[],
  config: ScoringConfig,
) {
  const ids = customers.map((c) => c.id);
  // No id order up front: rankings compare ids only among customers tied on a value (rare), see rankDescending.
  const tieOrder = undefined;
  const revenue = facts.map((f) => f.revenue);
  const profit = facts.map((f) => f.profit);
  const abcValues = config.abc.basis === "profit" ? profit : revenue;
  const abcOrder = rankDescending(abcValues, ids, tieOrder);
  const abc = classifyAbc(abcValues, ids, config.abc, abcOrder);
  const actual = facts.map((f) => actualValue(f.profit, f.serviceCost, config.value));
  const strategic = facts.map((f, i) => strategicValue(f, (customers[i] as CustomerRecord).wallet));
  // One sort per metric, shared by the scorecard, KAISM and RFM.
  const memo = new Map<string, PercentileRanking>();
  const percentile = rankPercentileCriteria(config, facts, memo);
  const revenueRank = metricRanks("revenue", facts, memo);
  const profitRank = metricRanks("profit", facts, memo);
  // Ranked values per percentile criterion, for "what would move the tier up".
  const ladders = config.scorecard.criteria.map((c) =>
    c.kind === "percentile" ? rankLadder(metricRanking(c.metric, facts, memo).sorted) : null,
  );
  return {
    ids,
    credit: facts.map((f) => rateCredit(f, config)),
    percentile,
    ladders,
    revenueRank,
    profitRank,
    abc,
    pareto: paretoReport(abcValues, ids, abc, config.abc.basis, abcOrder),
    pyramid: classifyPyramid(profit, ids, config.pyramid, tieOrder),
    rfm: scoreRfm(facts, config, revenueRank),
    actual,
    strategic,
    valueClass: classifyValue(actual, strategic, ids, config.value, tieOrder),
    workspaceCycle: medianCycle(facts),
  };
}

export type WorkspaceRanking = ReturnType<typeof rankWorkspace>;
