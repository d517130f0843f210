// Order facts per customer, accumulated in columns: revenue, profit, recency, tenure, growth and the purchase cycle.
import type { ScoringConfig } from "../config";
import { addMonths, dayParser } from "../dates";
import type { OrderRecord } from "../records";
import { type CustomerIndex, customerPositions } from "./lookup";

/** Per-customer order figures, index = customer position; a `first` of NO_DAY means no order, a NaN cycle means none. */
export interface OrderColumns {
  revenue: Float64Array;
  profit: Float64Array;
  orderCount: Int32Array;
  previous: Float64Array;
  last6: Float64Array;
  prev6: Float64Array;
  lifetime: Int32Array;
  first: Int32Array;
  last: Int32Array;
  cycleMedian: Float64Array;
  cycleCv: Float64Array;
  /** Distinct products bought in the window, sorted; customers without any share one frozen empty list. */
  products: string[][];
}

export const NO_DAY = -2_147_483_648;
const NO_PRODUCTS = Object.freeze([]) as unknown as string[];

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
 * Writes the median gap and its coefficient of variation between sorted days[from..to) into out[at]
 * (NaN with fewer than two distinct days). `scratch` holds to − from numbers. No object per customer.
 */
function cycleInto(
  days: ArrayLike<number>,
  from: number,
  to: number,
  scratch: Float64Array,
  median: Float64Array,
  cv: Float64Array,
  at: number,
): void {
  let n = 0;
  let sum = 0;
  for (let i = from + 1; i < to; i++) {
    const gap = (days[i] as number) - (days[i - 1] as number);
    if (gap > 0) {
      scratch[n++] = gap;
      sum += gap;
    }
  }
  if (n === 0) {
    median[at] = Number.NaN;
    cv[at] = Number.NaN;
    return;
  }
  const mean = sum / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((scratch[i] as number) - mean) ** 2;
  variance /= n;
  sortRange(scratch, 0, n);
  const mid = n >> 1;
  median[at] = n % 2 ? (scratch[mid] as number) : ((scratch[mid - 1] as number) + (scratch[mid] as number)) / 2;
  cv[at] = Math.sqrt(variance) / mean;
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
  const median = new Float64Array(1);
  const cv = new Float64Array(1);
  cycleInto(days, from, to, scratch, median, cv, 0);
  return Number.isNaN(median[0]) ? { median: null, cv: null } : { median: median[0]!, cv: cv[0]! };
}

/**
 * Order columns for every customer in one pass over the orders, then one small sort per customer.
 * `indexOf` maps a customer id to its position; orders of unknown customers or after asOf are ignored.
 * @example
 * accumulateOrders(1, indexCustomers([{ id: "c1" }]), [{ customerId: "c1", date: "2026-01-10", amount: 500, cost: 300, product: null, quantity: null }], dayNumber("2026-03-01"), defaultConfig()).profit[0] // 200
 */
export function accumulateOrders(
  count: number,
  indexOf: CustomerIndex,
  orders: readonly OrderRecord[],
  asOfDay: number,
  config: ScoringConfig,
): OrderColumns {
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
  // −1: unknown customer, or (set below) dated after asOf.
  const orderCustomer = customerPositions(orders, indexOf);
  const orderDay = new Int32Array(orders.length);

  const dayOf = dayParser();
  for (let i = 0; i < orders.length; i++) {
    const c = orderCustomer[i] as number;
    if (c < 0) continue;
    const o = orders[i] as OrderRecord;
    const day = dayOf(o.date);
    if (day > asOfDay) {
      orderCustomer[i] = -1;
      continue;
    }
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

  // Renumber products in name order, so a customer's sorted ids are its sorted names (no string sort per customer).
  const byName = productNames.slice().sort();
  const renumber = new Int32Array(productNames.length);
  for (let k = 0; k < byName.length; k++) renumber[productIds.get(byName[k] as string) as number] = k;

  // Bucket the order days by customer (counting sort) so each customer sorts only its own days.
  const start = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) start[c + 1] = (start[c] as number) + (lifetime[c] as number);
  const fill = start.slice(0, count);
  const days = new Int32Array(start[count] as number);
  const bought = new Int32Array(start[count] as number);
  for (let i = 0; i < orders.length; i++) {
    const c = orderCustomer[i] as number;
    if (c < 0) continue;
    const p = orderProduct[i] as number;
    bought[fill[c]!] = p < 0 ? -1 : (renumber[p] as number);
    days[fill[c]!++] = orderDay[i] as number;
  }
  let most = 1;
  for (let c = 0; c < count; c++) most = Math.max(most, lifetime[c] as number);
  const scratch = new Float64Array(most);

  const first = new Int32Array(count).fill(NO_DAY);
  const last = new Int32Array(count).fill(NO_DAY);
  const cycleMedian = new Float64Array(count).fill(Number.NaN);
  const cycleCv = new Float64Array(count).fill(Number.NaN);
  const products: string[][] = new Array(count);
  for (let c = 0; c < count; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    products[c] = NO_PRODUCTS;
    if (to === from) continue;
    sortRange(days, from, to);
    first[c] = days[from] as number;
    last[c] = days[to - 1] as number;
    if (to - from > 1) cycleInto(days, from, to, scratch, cycleMedian, cycleCv, c);
    if ((orderCount[c] as number) === 0) continue;
    sortRange(bought, from, to);
    // Count the distinct products first, so the list is allocated at its exact size (a pushed list keeps room for 17).
    let distinct = 0;
    for (let k = from; k < to; k++) {
      const id = bought[k] as number;
      if (id >= 0 && (k === from || id !== bought[k - 1])) distinct++;
    }
    if (distinct === 0) continue;
    const names: string[] = new Array(distinct);
    let at = 0;
    for (let k = from; k < to; k++) {
      const id = bought[k] as number;
      if (id >= 0 && (k === from || id !== bought[k - 1])) names[at++] = byName[id] as string;
    }
    products[c] = names;
  }
  return {
    revenue,
    profit,
    orderCount,
    previous,
    last6,
    prev6,
    lifetime,
    first,
    last,
    cycleMedian,
    cycleCv,
    products,
  };
}
