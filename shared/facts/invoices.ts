// Credit facts per customer from invoices and payments (DOMAIN.md §2).
import type { ScoringConfig } from "../config";
import { dayNumber } from "../dates";
import type { InvoiceRecord } from "../records";
import { customerLookup } from "./lookup";

export interface InvoiceFacts {
  invoicesDue: number;
  onTimeShare: number | null;
  avgDaysLate: number | null;
  maxDaysLate: number;
  overdueAmount: number;
  oldestOverdueDays: number;
  outstanding: number;
}

/**
 * Credit facts in one pass, written into `out` (one facts object per customer). An invoice counts as paid only when paid in full on or before asOf;
 * on-time means paid by due date + grace; an unpaid invoice past due is late until asOf.
 * Share and delays read invoices due in the window; overdue and outstanding read every invoice.
 * @example
 * deriveInvoiceFacts(new Map([["c1", 0]]), [{ customerId: "c1", dueDate: "2026-02-01", amount: 900, paidDate: null, paidAmount: null }], dayNumber("2026-03-01"), defaultConfig(), out); out[0].oldestOverdueDays // 28
 */
export function deriveInvoiceFacts(
  indexOf: Map<string, number>,
  invoices: readonly InvoiceRecord[],
  asOfDay: number,
  config: ScoringConfig,
  out: InvoiceFacts[],
): void {
  const count = out.length;
  const windowStart = asOfDay - config.windowDays;
  const grace = config.credit.graceDays;
  const due = new Int32Array(count);
  const onTime = new Int32Array(count);
  const sumLate = new Float64Array(count);
  const maxLate = new Int32Array(count);
  const overdue = new Float64Array(count);
  const oldest = new Int32Array(count);
  const outstanding = new Float64Array(count);

  const find = customerLookup(indexOf);
  for (const inv of invoices) {
    const c = find(inv.customerId);
    if (c === undefined) continue;
    const dueDay = dayNumber(inv.dueDate);
    let paidDay = inv.paidDate === null ? null : dayNumber(inv.paidDate);
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

  for (let c = 0; c < count; c++) {
    const n = due[c] as number;
    const f = out[c] as InvoiceFacts;
    f.invoicesDue = n;
    f.onTimeShare = n ? (onTime[c] as number) / n : null;
    f.avgDaysLate = n ? (sumLate[c] as number) / n : null;
    f.maxDaysLate = maxLate[c] as number;
    f.overdueAmount = overdue[c] as number;
    f.oldestOverdueDays = oldest[c] as number;
    f.outstanding = outstanding[c] as number;
  }
}
