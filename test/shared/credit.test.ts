import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { isOverLimit, rateCredit } from "../../shared/credit";
import { deriveFacts } from "../../shared/facts";
import { ASOF, customer, daysBefore, invoice } from "./builders";

const config = defaultConfig();
const history = (over: Partial<Parameters<typeof rateCredit>[0]>) => ({
  invoicesDue: 10,
  onTimeShare: 1,
  maxDaysLate: 0,
  overdueAmount: 0,
  oldestOverdueDays: 0,
  ...over,
});

describe("credit rating", () => {
  it("is unknown without invoices", () => {
    expect(rateCredit(history({ invoicesDue: 0, onTimeShare: null }), config)).toBe("unknown");
  });

  it("is good when everything was paid on time and nothing is overdue", () => {
    expect(rateCredit(history({}), config)).toBe("good");
  });

  it("is fair at 90 % on time with a worst delay of exactly 15 days, watch at 16", () => {
    expect(rateCredit(history({ onTimeShare: 0.9, maxDaysLate: 15 }), config)).toBe("fair");
    expect(rateCredit(history({ onTimeShare: 0.9, maxDaysLate: 16 }), config)).toBe("watch");
  });

  it("is watch below 90 % on time even with short delays", () => {
    expect(rateCredit(history({ onTimeShare: 0.8, maxDaysLate: 3 }), config)).toBe("watch");
  });

  it("is watch with a worst delay of exactly 60 days and hold at 61", () => {
    expect(rateCredit(history({ onTimeShare: 0.8, maxDaysLate: 60 }), config)).toBe("watch");
    expect(rateCredit(history({ onTimeShare: 0.8, maxDaysLate: 61 }), config)).toBe("hold");
  });

  it("holds credit when something is unpaid more than 60 days past due", () => {
    const unpaid = (days: number) =>
      history({ onTimeShare: 0.95, maxDaysLate: days, overdueAmount: 100, oldestOverdueDays: days });
    expect(rateCredit(unpaid(60), config)).toBe("watch");
    expect(rateCredit(unpaid(61), config)).toBe("hold");
  });

  it("holds credit when fewer than half the invoices were paid on time", () => {
    expect(rateCredit(history({ onTimeShare: 0.49, maxDaysLate: 2 }), config)).toBe("hold");
    expect(rateCredit(history({ onTimeShare: 0.5, maxDaysLate: 2 }), config)).toBe("watch");
  });

  it("is not good while an invoice is overdue, even if all invoices of the window were on time", () => {
    expect(rateCredit(history({ overdueAmount: 1, oldestOverdueDays: 3 }), config)).toBe("fair");
  });

  it("flags outstanding above the credit limit, never without a limit", () => {
    expect(isOverLimit(101, 100)).toBe(true);
    expect(isOverLimit(100, 100)).toBe(false);
    expect(isOverLimit(1e12, null)).toBe(false);
  });
});

describe("credit properties", () => {
  const order = { good: 0, fair: 1, unknown: 2, watch: 3, hold: 4 } as const;
  const invoices = fc.array(
    fc.record({
      due: fc.integer({ min: 1, max: 300 }),
      late: fc.option(fc.integer({ min: 0, max: 120 })),
      amount: fc.integer({ min: 1, max: 1e6 }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it("never improve when a payment comes later or not at all", () => {
    fc.assert(
      fc.property(invoices, fc.nat(), fc.integer({ min: 1, max: 90 }), (list, pick, extra) => {
        const records = list.map((x) => {
          const due = daysBefore(ASOF, x.due);
          const paid = x.late === null ? null : daysBefore(ASOF, Math.max(0, x.due - x.late));
          return invoice("c1", due, x.amount, paid);
        });
        const i = pick % records.length;
        const worse = records.map((r, j) => {
          if (j !== i || r.paidDate === null) return r;
          const later = Date.parse(`${r.paidDate}T00:00:00Z`) + extra * 86_400_000;
          return {
            ...r,
            paidDate: later > Date.parse(`${ASOF}T00:00:00Z`) ? null : new Date(later).toISOString().slice(0, 10),
            paidAmount: null,
          };
        });
        const rate = (inv: typeof records) =>
          rateCredit(
            deriveFacts({
              customers: [customer("c1")],
              orders: [],
              invoices: inv,
              interactions: [],
              config,
              asOf: ASOF,
            }).facts[0]!,
            config,
          );
        expect(order[rate(worse)]).toBeGreaterThanOrEqual(order[rate(records)]);
      }),
    );
  });
});
