// Order facts per customer: revenue, profit, recency, tenure, growth and the purchase cycle.
import type { ScoringConfig } from "../config";
import { addMonths, dayNumber, isoDate } from "../dates";
import type { CustomerFacts } from "../grade/types";
import type { OrderRecord } from "../records";
import { customerLookup } from "./lookup";

/** Sorts a[from..to) ascending: insertion sort for the many short ranges, the typed-array sort for long ones. */
function sortRange(a: Int32Array | Float64Array, from: number, to: number): void {
  if (to - from > 24) {
    a.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= from && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Median and coefficient of variation of the gaps between sorted days (repeated days add no gap);
 * null with fewer than two distinct days. `scratch` must hold days.length numbers.
 * @example
 * cycleOf(Int32Array.from([0, 10, 30, 60]), 0, 4) // { median: 20, cv: 0.408… }
 */
export function cycleOf(
  days: ArrayLike<number>,
  from = 0,
  to = days.length,
  scratch: Float64Array = new Float64Array(Math.max(0, to - from)),
): { median: number | null; cv: number | null } {
  let n = 0;
  let sum = 0;
  for (let i = from + 1; i < to; i++) {
    const gap = (days[i] as number) - (days[i - 1] as number);
    if (gap > 0) {
      scratch[n++] = gap;
      sum += gap;
    }
  }
  if (n === 0) return NO_CYCLE;
  const mean = sum / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((scratch[i] as number) - mean) ** 2;
  variance /= n;
  sortRange(scratch, 0, n);
  const mid = n >> 1;
  const median = n % 2 ? (scratch[mid] as number) : ((scratch[mid - 1] as number) + (scratch[mid] as number)) / 2;
  return { median, cv: Math.sqrt(variance) / mean };
}

const NO_CYCLE = Object.freeze({ median: null, cv: null });

/**
 * Order facts for every customer in one pass over the orders, then one small sort per customer.
 * `indexOf` maps a customer id to its position; orders of unknown customers or after asOf are ignored.
 * @example
 * deriveOrderFacts(1, new Map([["c1", 0]]), [{ customerId: "c1", date: "2026-01-10", amount: 500, cost: 300, product: null, quantity: null }], dayNumber("2026-03-01"), defaultConfig())[0].profit // 200
 */
export function deriveOrderFacts(
  count: number,
  indexOf: Map<string, number>,
  orders: readonly OrderRecord[],
  asOfDay: number,
  config: ScoringConfig,
): CustomerFacts[] {
  const w = config.windowDays;
  const half = addMonths(asOfDay, -config.churn.dropMonths);
  const full = addMonths(asOfDay, -2 * config.churn.dropMonths);
  const revenue = new Float64Array(count);
  const profit = new Float64Array(count);
  const orderCount = new Int32Array(count);
  const previous = new Float64Array(count);
  const last6 = new Float64Array(count);
  const prev6 = new Float64Array(count);
  const lifetime = new Int32Array(count);
  // Products are interned to small integers: per-customer Sets cost seconds of GC at a million orders.
  const productIds = new Map<string, number>();
  const productNames: string[] = [];
  const orderProduct = new Int32Array(orders.length).fill(-1);
  const orderCustomer = new Int32Array(orders.length).fill(-1);
  const orderDay = new Int32Array(orders.length);

  const find = customerLookup(indexOf);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as OrderRecord;
    const c = find(o.customerId);
    if (c === undefined) continue;
    const day = dayNumber(o.date);
    if (day > asOfDay) continue;
    orderCustomer[i] = c;
    orderDay[i] = day;
    lifetime[c]!++;
    if (day > asOfDay - w) {
      revenue[c]! += o.amount;
      profit[c]! += o.amount - o.cost;
      orderCount[c]!++;
      if (o.product !== null) {
        let p = productIds.get(o.product);
        if (p === undefined) {
          p = productNames.length;
          productIds.set(o.product, p);
          productNames.push(o.product);
        }
        orderProduct[i] = p;
      }
    } else if (day > asOfDay - 2 * w) previous[c]! += o.amount;
    if (day > half) last6[c]! += o.amount;
    else if (day > full) prev6[c]! += o.amount;
  }

  // Bucket the order days by customer (counting sort) so each customer sorts only its own days.
  const start = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) start[c + 1] = (start[c] as number) + (lifetime[c] as number);
  const fill = start.slice(0, count);
  const days = new Int32Array(start[count] as number);
  const bought = new Int32Array(start[count] as number);
  for (let i = 0; i < orders.length; i++) {
    const c = orderCustomer[i] as number;
    if (c < 0) continue;
    bought[fill[c]!] = orderProduct[i] as number;
    days[fill[c]!++] = orderDay[i] as number;
  }
  let most = 1;
  for (let c = 0; c < count; c++) most = Math.max(most, lifetime[c] as number);
  const scratch = new Float64Array(most);
  const productsOf = (from: number, to: number): string[] => {
    sortRange(bought, from, to);
    const names: string[] = [];
    for (let k = from; k < to; k++) {
      const id = bought[k] as number;
      if (id >= 0 && (k === from || id !== bought[k - 1])) names.push(productNames[id] as string);
    }
    return names.length > 1 ? names.sort() : names;
  };

  const out: CustomerFacts[] = new Array(count);
  for (let c = 0; c < count; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    sortRange(days, from, to);
    const first = to > from ? (days[from] as number) : null;
    const last = to > from ? (days[to - 1] as number) : null;
    const cycle = to - from > 1 ? cycleOf(days, from, to, scratch) : NO_CYCLE;
    const prev = previous[c] as number;
    const rev = revenue[c] as number;
    // Every field of CustomerFacts in one literal (credit and contact fields are filled by the next passes):
    // one object shape for all customers keeps the engine fast.
    out[c] = {
      revenue: rev,
      profit: profit[c] as number,
      orderCount: orderCount[c] as number,
      previousRevenue: prev,
      growth: prev > 0 ? (rev - prev) / prev : null,
      recencyDays: last === null ? null : asOfDay - last,
      lastOrderDate: last === null ? null : isoDate(last),
      firstOrderDate: first === null ? null : isoDate(first),
      tenureDays: first === null ? null : asOfDay - first,
      lifetimeOrderCount: lifetime[c] as number,
      cycleDays: cycle.median,
      cycleCv: cycle.cv,
      revenueLast6Months: last6[c] as number,
      revenuePrevious6Months: prev6[c] as number,
      invoicesDue: 0,
      onTimeShare: null,
      avgDaysLate: null,
      maxDaysLate: 0,
      overdueAmount: 0,
      oldestOverdueDays: 0,
      outstanding: 0,
      lastContact: null,
      interactions30d: 0,
      serviceCost: 0,
      products: (orderCount[c] as number) > 0 ? productsOf(from, to) : [],
    };
  }
  return out;
}
