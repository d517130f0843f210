// Two years of orders before the anchor (heavy-tailed), and invoices for most of them: most paid on time,
// some late, defaulters long overdue and unpaid, and one customer pushed over its credit limit.
import { isoDate } from "../../shared/dates";
import type { ImportInput, Profile } from "./profile";
import { yuan } from "./profile";
import type { Random } from "./random";

const HISTORY_DAYS = 730;

export interface Sales {
  orders: ImportInput<"orders">[];
  invoices: ImportInput<"invoices">[];
  /** External id of the customer whose outstanding exceeds its credit limit. */
  overLimit: string | null;
}

/** The days (before the anchor) a customer ordered on, oldest first. */
function orderDaysBack(random: Random, p: Profile): number[] {
  const [from, to] =
    p.segment === "new"
      ? [random.int(40, 200), 1]
      : p.segment === "churned"
        ? [HISTORY_DAYS - random.int(0, 60), random.int(130, 300)]
        : p.segment === "lost"
          ? [HISTORY_DAYS - random.int(0, 30), random.int(400, 650)]
          : [HISTORY_DAYS - random.int(0, 90), 1];
  const interval = 365 / p.ordersPerYear;
  const days: number[] = [];
  for (
    let back = from - random.next() * interval;
    back >= to;
    back -= interval * random.jitter(p.regular ? 0.12 : 0.7)
  ) {
    days.push(Math.round(back));
  }
  return days;
}

export function makeSales(random: Random, profiles: readonly Profile[], anchorDay: number): Sales {
  const orders: ImportInput<"orders">[] = [];
  const invoices: ImportInput<"invoices">[] = [];
  const outstanding = new Map<Profile, number>();
  for (const p of profiles) {
    if (p.segment === "prospect") continue;
    for (const back of orderDaysBack(random, p)) {
      const day = anchorDay - back;
      // Order size follows the customer's trend: a growing customer's older orders were smaller.
      const size = (p.annual / p.ordersPerYear) * p.trend ** (-back / 365) * random.jitter(0.35);
      const amount = Math.max(20_000, random.chance(0.7) ? Math.round(size / 100) * 100 : Math.round(size));
      const cost = Math.round(amount * (1 - p.margin * random.jitter(0.15)));
      const externalId = `SO-${String(orders.length + 1).padStart(6, "0")}`;
      orders.push({
        externalId,
        customerExternalId: p.row.externalId,
        date: isoDate(day),
        amount: yuan(amount),
        cost: yuan(Math.max(0, cost)),
        product: random.chance(0.85) ? random.pick(p.products) : null,
        quantity: random.int(1, 200),
      });
      if (random.chance(0.08)) continue; // some orders are invoiced together elsewhere: no invoice of their own
      const due = day + p.termsDays;
      const paid = paidDay(random, p, due, anchorDay);
      invoices.push({
        externalId: `INV-${String(invoices.length + 1).padStart(6, "0")}`,
        customerExternalId: p.row.externalId,
        orderExternalId: externalId,
        dueDate: isoDate(due),
        amount: yuan(amount),
        paidDate: paid === null ? null : isoDate(paid),
        paidAmount: paid === null ? null : yuan(amount),
      });
      if (paid === null) outstanding.set(p, (outstanding.get(p) ?? 0) + amount);
    }
  }
  return { orders, invoices, overLimit: pushOverLimit(profiles, outstanding) };
}

/** When the invoice was paid, or null when it is still open at the anchor. */
function paidDay(random: Random, p: Profile, due: number, anchorDay: number): number | null {
  const daysPastDue = anchorDay - due;
  let late: number;
  if (p.payer === "prompt") late = -random.int(0, 10);
  else if (p.payer === "slow") late = random.chance(0.65) ? -random.int(0, 5) : random.int(1, 25);
  else if (p.payer === "bad") {
    if (daysPastDue > 0 && daysPastDue < 45 && random.chance(0.7)) return null; // recent ones still open
    late = random.chance(0.4) ? 0 : random.int(10, 75);
  } else {
    if (daysPastDue > 0 && daysPastDue < 200) return null; // long overdue and unpaid
    late = random.int(20, 90);
  }
  const paid = due + late;
  return paid < anchorDay ? paid : null;
}

/** Gives the customer with the largest open balance a credit limit below it, so one is over its limit. */
function pushOverLimit(profiles: readonly Profile[], outstanding: Map<Profile, number>): string | null {
  const candidates = profiles.filter((p) => p.payer === "prompt" && (outstanding.get(p) ?? 0) > 0);
  const top = candidates.sort((a, b) => (outstanding.get(b) ?? 0) - (outstanding.get(a) ?? 0))[0];
  if (!top) return null;
  const open = outstanding.get(top) ?? 0;
  top.row.creditLimit = yuan(Math.max(100, Math.floor((open * 0.6) / 100_000) * 100_000));
  return top.row.externalId;
}
