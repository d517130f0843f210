// Per-customer facts derived from the records as of a date: one columnar pass per record kind, one object per customer.
import type { ScoringConfig } from "../config";
import { dayNumber, isoDate } from "../dates";
import type { CustomerFacts } from "../grade/types";
import type { CustomerRecord, InteractionRecord, InvoiceRecord, OrderRecord } from "../records";
import { accumulateInvoices } from "./invoices";
import { type CustomerIndex, indexCustomers } from "./lookup";
import { accumulateOrders, NO_DAY } from "./orders";
import { accumulateTouches } from "./touches";

export { type CustomerIndex, indexCustomers } from "./lookup";
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
 * read once into typed columns keyed by customer position (never customers × orders), and each
 * customer's facts object is built once, whole, at the end: no per-record objects, no reshaping.
 * @example
 * deriveFacts({ customers, orders, invoices: [], interactions: [], config: defaultConfig(), asOf: "2026-03-01" }).facts[0].revenue
 */
export function deriveFacts(input: FactsInput, indexOf: CustomerIndex = indexCustomers(input.customers)): DerivedFacts {
  const { customers, config } = input;
  const asOfDay = dayNumber(input.asOf);
  const n = customers.length;
  const o = accumulateOrders(n, indexOf, input.orders, asOfDay, config);
  const inv = accumulateInvoices(n, indexOf, input.invoices, asOfDay, config);
  const t = accumulateTouches(n, indexOf, input.interactions, asOfDay, config);

  const facts: CustomerFacts[] = new Array(n);
  for (let c = 0; c < n; c++) {
    const first = o.first[c] as number;
    const last = o.last[c] as number;
    const ordered = first !== NO_DAY;
    const median = o.cycleMedian[c] as number;
    const prev = o.previous[c] as number;
    const rev = o.revenue[c] as number;
    const due = inv.due[c] as number;
    const own = (customers[c] as CustomerRecord).serviceCost;
    // Every field in one literal, in one order: one object shape for all customers keeps the engine fast.
    facts[c] = {
      revenue: rev,
      profit: o.profit[c] as number,
      orderCount: o.orderCount[c] as number,
      previousRevenue: prev,
      growth: prev > 0 ? (rev - prev) / prev : null,
      recencyDays: ordered ? asOfDay - last : null,
      lastOrderDate: ordered ? isoDate(last) : null,
      firstOrderDate: ordered ? isoDate(first) : null,
      tenureDays: ordered ? asOfDay - first : null,
      lifetimeOrderCount: o.lifetime[c] as number,
      cycleDays: Number.isNaN(median) ? null : median,
      cycleCv: Number.isNaN(median) ? null : (o.cycleCv[c] as number),
      revenueLast6Months: o.last6[c] as number,
      revenuePrevious6Months: o.prev6[c] as number,
      invoicesDue: due,
      onTimeShare: due ? (inv.onTime[c] as number) / due : null,
      avgDaysLate: due ? (inv.sumLate[c] as number) / due : null,
      maxDaysLate: inv.maxLate[c] as number,
      overdueAmount: inv.overdue[c] as number,
      oldestOverdueDays: inv.oldest[c] as number,
      outstanding: inv.outstanding[c] as number,
      lastContact: t.last[c] as string | null,
      interactions30d: t.recent[c] as number,
      serviceCost: own ?? (t.cost[c] as number),
      products: o.products[c] as string[],
    };
  }
  return { facts, unansweredEmail: t.unanswered };
}
