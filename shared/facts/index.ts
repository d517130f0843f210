// Per-customer facts derived from the records as of a date, grouped by customer in one pass per record kind.
import type { ScoringConfig } from "../config";
import { dayNumber } from "../dates";
import type { CustomerFacts } from "../grade/types";
import type { CustomerRecord, InteractionRecord, InvoiceRecord, OrderRecord } from "../records";
import { deriveInvoiceFacts } from "./invoices";
import { deriveOrderFacts } from "./orders";
import { deriveTouchFacts } from "./touches";

export { cycleOf } from "./orders";

export interface FactsInput {
  customers: readonly CustomerRecord[];
  orders: readonly OrderRecord[];
  invoices: readonly InvoiceRecord[];
  interactions: readonly InteractionRecord[];
  config: ScoringConfig;
  /** ISO date; the window is the `windowDays` days ending on it (asOf included). */
  asOf: string;
}

export interface DerivedFacts {
  facts: CustomerFacts[];
  /** Per customer: the latest incoming email not yet followed by an outgoing touch. */
  unansweredEmail: (string | null)[];
}

/**
 * Facts for every customer, aligned with `input.customers`. O(total records): each record kind is
 * read once and grouped by customer id through one map, never customers × orders.
 * @example
 * deriveFacts({ customers, orders, invoices: [], interactions: [], config: defaultConfig(), asOf: "2026-03-01" }).facts[0].revenue
 */
export function deriveFacts(input: FactsInput): DerivedFacts {
  const { customers, config } = input;
  const asOfDay = dayNumber(input.asOf);
  const indexOf = indexCustomers(customers);
  const n = customers.length;
  const facts = deriveOrderFacts(n, indexOf, input.orders, asOfDay, config);
  deriveInvoiceFacts(indexOf, input.invoices, asOfDay, config, facts);
  const unansweredEmail = deriveTouchFacts(customers, indexOf, input.interactions, asOfDay, config, facts);
  return { facts, unansweredEmail };
}

/**
 * Position of each customer id in the list.
 * @example
 * indexCustomers([{ id: "c1" }, { id: "c2" }] as CustomerRecord[]).get("c2") // 1
 */
export function indexCustomers(customers: readonly Pick<CustomerRecord, "id">[]): Map<string, number> {
  const map = new Map<string, number>();
  customers.forEach((c, i) => {
    if (map.has(c.id)) throw new Error(`duplicate customer id ${c.id}`);
    map.set(c.id, i);
  });
  return map;
}
