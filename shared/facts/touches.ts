// Contact facts per customer from interactions: last contact, recent touches, cost to serve, unanswered email.
import type { ScoringConfig } from "../config";
import { dayNumber, timestampMs } from "../dates";
import type { CustomerRecord, InteractionRecord } from "../records";
import { customerLookup } from "./lookup";

export interface TouchFacts {
  lastContact: string | null;
  interactions30d: number;
  serviceCost: number;
}

/**
 * Touch facts in one pass over the interactions, written into `out`; returns per customer the latest
 * incoming email still unanswered. Interactions dated after asOf are ignored.
 * Service cost is the customer's own yearly figure when set, else window interactions × cost per kind.
 * @example
 * deriveTouchFacts(customers, indexOf, [{ id: "i1", customerId: "c1", kind: "visit", direction: "out", occurredAt: "2026-02-20T10:00:00Z" }], dayNumber("2026-03-01"), defaultConfig(), out); out[0].serviceCost // 50000
 */
export function deriveTouchFacts(
  customers: readonly CustomerRecord[],
  indexOf: Map<string, number>,
  interactions: readonly InteractionRecord[],
  asOfDay: number,
  config: ScoringConfig,
  out: TouchFacts[],
): (string | null)[] {
  const count = customers.length;
  const lastMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const last: (string | null)[] = new Array(count).fill(null);
  const recent = new Int32Array(count);
  const cost = new Float64Array(count);
  const lastInMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const lastIn: (string | null)[] = new Array(count).fill(null);
  const lastOutMs = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);

  const find = customerLookup(indexOf);
  for (const it of interactions) {
    const c = find(it.customerId);
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

  const unanswered: (string | null)[] = new Array(count);
  for (let c = 0; c < count; c++) {
    const own = (customers[c] as CustomerRecord).serviceCost;
    const f = out[c]!;
    f.lastContact = last[c] as string | null;
    f.interactions30d = recent[c] as number;
    f.serviceCost = own ?? (cost[c] as number);
    unanswered[c] = (lastInMs[c] as number) > (lastOutMs[c] as number) ? (lastIn[c] as string | null) : null;
  }
  return unanswered;
}
