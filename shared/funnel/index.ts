// The sales funnel (DOMAIN.md §3.11): stage probabilities, weighted forecast, stage conversion, stale deals.
import type { ScoringConfig } from "../config";
import { dayNumber } from "../dates";
import type { FunnelReport } from "../grade/types";
import { type CustomerRecord, LIFECYCLE_STAGES, OPPORTUNITY_STAGES, type OpportunityRecord } from "../records";

/** The path a won deal walks; `lost` can leave it at any point. */
export const STAGE_PATH = OPPORTUNITY_STAGES.filter((s) => s !== "lost");

/**
 * Probability (0–1) of an opportunity: its own percent, else the stage default.
 * @example
 * opportunityProbability({ stage: "proposal", probability: null }, defaultConfig()) // 0.5
 */
export function opportunityProbability(o: Pick<OpportunityRecord, "stage" | "probability">, config: ScoringConfig) {
  return (o.probability ?? config.funnel.probabilities[o.stage]) / 100;
}

/**
 * Open means it can still move: not paid and not lost.
 * @example
 * isOpen({ stage: "won" }) // true (awaiting payment)
 */
export function isOpen(o: Pick<OpportunityRecord, "stage">): boolean {
  return o.stage !== "paid" && o.stage !== "lost";
}

/**
 * Days since the last stage change of an open opportunity when at least `staleDays`, else null.
 * @example
 * staleDays({ stage: "proposal", stageChangedAt: "2026-02-15" }, "2026-03-01", defaultConfig()) // 14
 */
export function staleDays(
  o: Pick<OpportunityRecord, "stage" | "stageChangedAt">,
  asOf: string,
  config: ScoringConfig,
): number | null {
  if (!isOpen(o)) return null;
  const days = dayNumber(asOf) - dayNumber(o.stageChangedAt);
  return days >= config.funnel.staleDays ? days : null;
}

type Period = FunnelReport["months"][number];

function addTo(map: Map<string, Period>, period: string, amount: number, weighted: number): void {
  const p = map.get(period) ?? { period, count: 0, amount: 0, weighted: 0 };
  p.count++;
  p.amount += amount;
  p.weighted += weighted;
  map.set(period, p);
}

const sorted = (map: Map<string, Period>) => [...map.values()].sort((a, b) => (a.period < b.period ? -1 : 1));

/**
 * The workspace funnel: per stage, weighted forecast Σ amount × probability per month and quarter of
 * the expected close, conversion between consecutive stages, stale open deals, customers per lifecycle stage.
 * @example
 * forecastFunnel([{ id: "o1", customerId: "c1", name: "", stage: "proposal", amount: 1000, expectedClose: "2026-05-10", probability: null, stageChangedAt: "2026-03-01" }], [], "2026-03-01", defaultConfig()).months
 * // [{ period: "2026-05", count: 1, amount: 1000, weighted: 500 }]
 */
export function forecastFunnel(
  opportunities: readonly OpportunityRecord[],
  customers: readonly Pick<CustomerRecord, "lifecycleStage">[],
  asOf: string,
  config: ScoringConfig,
): FunnelReport {
  const byStage = new Map(OPPORTUNITY_STAGES.map((s) => [s, { stage: s as string, count: 0, amount: 0, weighted: 0 }]));
  const months = new Map<string, Period>();
  const quarters = new Map<string, Period>();
  const reached = new Array(STAGE_PATH.length).fill(0) as number[];
  const stale: FunnelReport["stale"] = [];
  for (let k = 0; k < opportunities.length; k++) {
    const o = opportunities[k] as OpportunityRecord;
    const weighted = o.amount * opportunityProbability(o, config);
    const s = byStage.get(o.stage)!;
    s.count++;
    s.amount += o.amount;
    s.weighted += weighted;
    if (o.expectedClose) {
      const month = o.expectedClose.slice(0, 7);
      addTo(months, month, o.amount, weighted);
      const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
      addTo(quarters, `${month.slice(0, 4)}-Q${q}`, o.amount, weighted);
    }
    // A lost deal is only known to have reached first contact.
    const depth = o.stage === "lost" ? 0 : STAGE_PATH.indexOf(o.stage);
    for (let i = 0; i <= depth; i++) reached[i]!++;
    const days = staleDays(o, asOf, config);
    if (days !== null) stale.push({ opportunityId: o.id, customerId: o.customerId, stage: o.stage, days });
  }
  const conversion = STAGE_PATH.slice(1).map((to, i) => ({
    from: STAGE_PATH[i] as string,
    to: to as string,
    rate: reached[i] ? (reached[i + 1] as number) / (reached[i] as number) : null,
  }));
  const lifecycle: Record<string, number> = Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, 0]));
  for (let k = 0; k < customers.length; k++) {
    const stage = (customers[k] as (typeof customers)[number]).lifecycleStage;
    lifecycle[stage] = (lifecycle[stage] ?? 0) + 1;
  }
  stale.sort((a, b) => b.days - a.days || (a.opportunityId < b.opportunityId ? -1 : 1));
  return {
    byStage: [...byStage.values()],
    months: sorted(months),
    quarters: sorted(quarters),
    conversion,
    stale,
    lifecycle,
  };
}
