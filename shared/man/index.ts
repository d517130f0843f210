// MAN qualification (DOMAIN.md §3.7): Money, Authority, Need — each yes, no or unknown.
import type { ScoringConfig } from "../config";
import { dayNumber } from "../dates";
import type { ManAnswer, ManStatus } from "../grade/types";
import type { ContactRecord, CustomerRecord, InteractionRecord } from "../records";

export interface ManResult {
  money: ManAnswer;
  authority: ManAnswer;
  need: ManAnswer;
  status: ManStatus;
  missing: string[];
}

/**
 * Per customer id: whether a contact with the decider role was touched in the last `deciderContactDays`.
 * One pass over contacts and one over interactions.
 * @example
 * decidersContacted(contacts, interactions, "2026-03-01", defaultConfig()).get("c1") // true
 */
export function decidersContacted(
  contacts: readonly ContactRecord[],
  interactions: readonly InteractionRecord[],
  asOf: string,
  config: ScoringConfig,
): Set<string> {
  const deciders = new Map<string, string>();
  // Indexed loops: these run once over every contact and interaction, where for…of allocates per step.
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i] as ContactRecord;
    if (c.role === "decider") deciders.set(c.id, c.customerId);
  }
  const out = new Set<string>();
  if (deciders.size === 0) return out;
  const asOfDay = dayNumber(asOf);
  for (let i = 0; i < interactions.length; i++) {
    const it = interactions[i] as InteractionRecord;
    if (!it.contactId) continue;
    const customerId = deciders.get(it.contactId);
    if (customerId === undefined) continue;
    const day = dayNumber(it.occurredAt);
    if (day <= asOfDay && day > asOfDay - config.man.deciderContactDays) out.add(customerId);
  }
  return out;
}

/** The eight possible `missing` lists, shared (frozen) rather than built per customer. */
const MISSING: string[][] = Array.from(
  { length: 8 },
  (_, bits) =>
    Object.freeze(
      [bits & 4 ? "money" : "", bits & 2 ? "authority" : "", bits & 1 ? "need" : ""].filter(Boolean),
    ) as string[],
);

function rated(customer: Pick<CustomerRecord, "ratings">, id: string): ManAnswer | null {
  const r = customer.ratings[id];
  return r === "yes" || r === "no" ? r : null;
}

/**
 * Money: rating `man_money`, else yes once the customer has paid us revenue in the window.
 * Authority: rating `man_authority`, else yes when a decider was contacted recently.
 * Need: rating `man_need`, else yes with revenue or an opportunity past first contact.
 * All yes → qualified; any no → unqualified; else partial; `missing` names the answers not yes.
 * The result is a shared frozen object (27 possible).
 * @example
 * assessMan({ ratings: { man_need: "yes" } }, { revenue: 0, deciderContacted: true, needShown: false })
 * // { money: "unknown", authority: "yes", need: "yes", status: "partial", missing: ["money"] }
 */
export function assessMan(
  customer: Pick<CustomerRecord, "ratings">,
  signals: { revenue: number; deciderContacted: boolean; needShown: boolean },
): ManResult {
  const money = rated(customer, "man_money") ?? (signals.revenue > 0 ? "yes" : "unknown");
  const authority = rated(customer, "man_authority") ?? (signals.deciderContacted ? "yes" : "unknown");
  const need = rated(customer, "man_need") ?? (signals.needShown || signals.revenue > 0 ? "yes" : "unknown");
  const k = ANSWER_INDEX[money] * 9 + ANSWER_INDEX[authority] * 3 + ANSWER_INDEX[need];
  let result = RESULTS[k];
  if (!result) {
    const missing = MISSING[(money !== "yes" ? 4 : 0) + (authority !== "yes" ? 2 : 0) + (need !== "yes" ? 1 : 0)]!;
    const anyNo = money === "no" || authority === "no" || need === "no";
    const status: ManStatus = anyNo ? "unqualified" : missing.length === 0 ? "qualified" : "partial";
    result = Object.freeze({ money, authority, need, status, missing }) as ManResult;
    RESULTS[k] = result;
  }
  return result;
}

/** The 27 possible results, built on first use and shared (frozen) by every customer with the same answers. */
const ANSWER_INDEX: Record<ManAnswer, number> = { yes: 0, no: 1, unknown: 2 };
const RESULTS: (ManResult | undefined)[] = new Array(27);
