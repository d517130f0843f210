// Contact facts per customer from interactions: last contact, recent touches, cost to serve, unanswered email.
import type { ScoringConfig } from "../config";
import { dayNumber, timestampMs } from "../dates";
import type { CustomerRecord, InteractionRecord } from "../records";

export interface TouchFacts {
  lastContact: string | null;
  interactions30d: number;
  serviceCost: number;
  /** Latest incoming email (ISO timestamp), kept only when no outgoing touch came after it. */
  unansweredEmail: string | null;
}

/**
 * Touch facts in one pass over the interactions; interactions dated after asOf are ignored.
 * Service cost is the customer's own yearly figure when set, else window interactions × cost per kind.
 * @example
 * deriveTouchFacts(customers, indexOf, [{ id: "i1", customerId: "c1", kind: "visit", direction: "out", occurredAt: "2026-02-20T10:00:00Z" }], dayNumber("2026-03-01"), defaultConfig())[0].serviceCost // 50000
 */
export function deriveTouchFacts(
  customers: readonly CustomerRecord[],
  indexOf: Map<string, number>,
  interactions: readonly InteractionRecord[],
  asOfDay: number,
  config: ScoringConfig,
): TouchFacts[] {
  const count = customers.length;
  const lastMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const last: (string | null)[] = new Array(count).fill(null);
  const recent = new Int32Array(count);
  const cost = new Float64Array(count);
  const lastInMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const lastIn: (string | null)[] = new Array(count).fill(null);
  const lastOutMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);

  for (const it of interactions) {
    const c = indexOf.get(it.customerId);
    if (c === undefined) continue;
    const day = dayNumber(it.occurredAt);
    if (day > asOfDay) continue;
    const ms = timestampMs(it.occurredAt);
    if (ms > (lastMs[c] as number)) {
      lastMs[c] = ms;
      last[c] = it.occurredAt;
    }
    if (day > asOfDay - config.facts.recentDays) recent[c]!++;
    if (day > asOfDay - config.windowDays) cost[c]! += config.serviceCost[it.kind];
    if (it.direction === "out" && ms > (lastOutMs[c] as number)) lastOutMs[c] = ms;
    if (it.direction === "in" && it.kind === "email" && ms > (lastInMs[c] as number)) {
      lastInMs[c] = ms;
      lastIn[c] = it.occurredAt;
    }
  }

  const out: TouchFacts[] = new Array(count);
  for (let c = 0; c < count; c++) {
    const own = (customers[c] as CustomerRecord).serviceCost;
    out[c] = {
      lastContact: last[c] as string | null,
      interactions30d: recent[c] as number,
      serviceCost: own ?? (cost[c] as number),
      unansweredEmail: (lastInMs[c] as number) > (lastOutMs[c] as number) ? (lastIn[c] as string | null) : null,
    };
  }
  return out;
}
