// Order facts per customer: revenue, profit, recency, tenure, growth and the purchase cycle.
import type { ScoringConfig } from "../config";
import { addMonths, dayNumber, isoDate } from "../dates";
import type { OrderRecord } from "../records";

export interface OrderFacts {
  revenue: number;
  profit: number;
  orderCount: number;
  previousRevenue: number;
  growth: number | null;
  recencyDays: number | null;
  lastOrderDate: string | null;
  firstOrderDate: string | null;
  tenureDays: number | null;
  lifetimeOrderCount: number;
  cycleDays: number | null;
  cycleCv: number | null;
  revenueLast6Months: number;
  revenuePrevious6Months: number;
  products: string[];
}

/** Median and coefficient of variation of the gaps between distinct sorted days (null with < 2 days). */
export function cycleOf(days: ArrayLike<number>): { median: number | null; cv: number | null } {
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) {
    const gap = (days[i] as number) - (days[i - 1] as number);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return { median: null, cv: null };
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
  return { median, cv: Math.sqrt(variance) / mean };
}

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
): OrderFacts[] {
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

  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as OrderRecord;
    const c = indexOf.get(o.customerId);
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
  const productsOf = (from: number, to: number): string[] => {
    const ids = bought.slice(from, to).sort();
    const names: string[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (id >= 0 && (k === 0 || id !== ids[k - 1])) names.push(productNames[id] as string);
    }
    return names.sort();
  };

  const out: OrderFacts[] = new Array(count);
  for (let c = 0; c < count; c++) {
    const mine = days.subarray(start[c], start[c + 1]).sort();
    const first = mine.length ? (mine[0] as number) : null;
    const last = mine.length ? (mine[mine.length - 1] as number) : null;
    const cycle = cycleOf(mine);
    const prev = previous[c] as number;
    const rev = revenue[c] as number;
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
      products: productsOf(start[c] as number, start[c + 1] as number),
    };
  }
  return out;
}
