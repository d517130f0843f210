// Credit facts per customer from invoices and payments (DOMAIN.md §2).
import type { ScoringConfig } from "../config";
import { dayParser } from "../dates";
import type { InvoiceRecord } from "../records";
import { type CustomerIndex, customerPositions } from "./lookup";

/** Per-customer credit figures, index = customer position. */
export interface InvoiceColumns {
  due: Int32Array;
  onTime: Int32Array;
  sumLate: Float64Array;
  maxLate: Int32Array;
  overdue: Float64Array;
  oldest: Int32Array;
  outstanding: Float64Array;
}

/**
 * Credit columns in one pass over the invoices. An invoice counts as paid only when paid in full on or before asOf;
 * on-time means paid by due date + grace; an unpaid invoice past due is late until asOf.
 * Share and delays read invoices due in the window; overdue and outstanding read every invoice.
 * @example
 * accumulateInvoices(1, indexCustomers([{ id: "c1" }]), [{ customerId: "c1", dueDate: "2026-02-01", amount: 900, paidDate: null, paidAmount: null }], dayNumber("2026-03-01"), defaultConfig()).oldest[0] // 28
 */
export function accumulateInvoices(
  count: number,
  indexOf: CustomerIndex,
  invoices: readonly InvoiceRecord[],
  asOfDay: number,
  config: ScoringConfig,
): InvoiceColumns {
  const windowStart = asOfDay - config.windowDays;
  const grace = config.credit.graceDays;
  const due = new Int32Array(count);
  const onTime = new Int32Array(count);
  const sumLate = new Float64Array(count);
  const maxLate = new Int32Array(count);
  const overdue = new Float64Array(count);
  const oldest = new Int32Array(count);
  const outstanding = new Float64Array(count);

  const position = customerPositions(invoices, indexOf);
  const dayOf = dayParser();
  for (let i = 0; i < invoices.length; i++) {
    const c = position[i] as number;
    if (c < 0) continue;
    const inv = invoices[i] as InvoiceRecord;
    const dueDay = dayOf(inv.dueDate);
    let paidDay = inv.paidDate === null ? null : dayOf(inv.paidDate);
    if (paidDay !== null && paidDay > asOfDay) paidDay = null;
    const paid = paidDay === null ? 0 : (inv.paidAmount ?? inv.amount);
    const remaining = Math.max(0, inv.amount - paid);
    const settled = paidDay !== null && remaining === 0;
    outstanding[c]! += remaining;
    if (remaining > 0 && dueDay < asOfDay) {
      overdue[c]! += remaining;
      oldest[c] = Math.max(oldest[c] as number, asOfDay - dueDay);
    }
    if (dueDay > windowStart && dueDay <= asOfDay) {
      due[c]!++;
      const late = Math.max(0, (settled ? (paidDay as number) : asOfDay) - dueDay);
      if (settled && late <= grace) onTime[c]!++;
      sumLate[c]! += late;
      if (late > (maxLate[c] as number)) maxLate[c] = late;
    }
  }

  return { due, onTime, sumLate, maxLate, overdue, oldest, outstanding };
}
