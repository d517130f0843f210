import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { deriveFacts } from "../../shared/facts";
import { ASOF, customer, daysBefore, interaction, invoice, order } from "./builders";

const config = defaultConfig();
const factsOf = (input: Partial<Parameters<typeof deriveFacts>[0]>) =>
  deriveFacts({
    customers: [customer("c1")],
    orders: [],
    invoices: [],
    interactions: [],
    config,
    asOf: ASOF,
    ...input,
  });

describe("order facts", () => {
  it("counts orders from 364 days before asOf up to asOf, not 365 days before nor after asOf", () => {
    const { facts } = factsOf({
      orders: [
        order("c1", daysBefore(ASOF, 365), 1, 0),
        order("c1", daysBefore(ASOF, 364), 10, 4),
        order("c1", ASOF, 100, 40),
        order("c1", "2026-03-02", 1000, 0),
      ],
    });
    expect(facts[0]).toMatchObject({ revenue: 110, profit: 66, orderCount: 2, previousRevenue: 1, recencyDays: 0 });
  });

  it("measures growth against the year before the window, null when that year had no revenue", () => {
    const grew = factsOf({ orders: [order("c1", daysBefore(ASOF, 400), 100), order("c1", daysBefore(ASOF, 10), 150)] });
    expect(grew.facts[0]?.growth).toBeCloseTo(0.5);
    const fresh = factsOf({ orders: [order("c1", daysBefore(ASOF, 10), 150)] });
    expect(fresh.facts[0]?.growth).toBeNull();
  });

  it("takes the purchase cycle as the median gap between order dates and its coefficient of variation", () => {
    // Gaps 10, 20, 30 days: median 20, mean 20, population sd √(200/3) ≈ 8.165 → CV ≈ 0.408.
    const days = [100, 90, 70, 40];
    const { facts } = factsOf({ orders: days.map((d) => order("c1", daysBefore(ASOF, d), 10)) });
    expect(facts[0]?.cycleDays).toBe(20);
    expect(facts[0]?.cycleCv).toBeCloseTo(Math.sqrt(200 / 3) / 20, 10);
    expect(facts[0]?.tenureDays).toBe(100);
    expect(facts[0]?.firstOrderDate).toBe(daysBefore(ASOF, 100));
  });

  it("splits the last 6 calendar months from the 6 before", () => {
    const { facts } = factsOf({
      orders: [
        order("c1", "2026-02-01", 10),
        order("c1", "2025-09-02", 20),
        order("c1", "2025-09-01", 40),
        order("c1", "2025-03-01", 80),
      ],
    });
    expect(facts[0]).toMatchObject({ revenueLast6Months: 30, revenuePrevious6Months: 40 });
  });

  it("lists the distinct products bought in the window", () => {
    const { facts } = factsOf({
      orders: [
        order("c1", ASOF, 1, 0, "b"),
        order("c1", ASOF, 1, 0, "a"),
        order("c1", ASOF, 1, 0, "b"),
        order("c1", daysBefore(ASOF, 500), 1, 0, "old"),
      ],
    });
    expect(facts[0]?.products).toEqual(["a", "b"]);
  });
});

describe("credit facts", () => {
  it("counts an invoice paid on the due date as on time and one paid a day later as late", () => {
    const { facts } = factsOf({
      invoices: [invoice("c1", "2026-01-10", 100, "2026-01-10"), invoice("c1", "2026-01-10", 100, "2026-01-11")],
    });
    expect(facts[0]).toMatchObject({ invoicesDue: 2, onTimeShare: 0.5, maxDaysLate: 1, avgDaysLate: 0.5 });
  });

  it("lets the grace period turn a slightly late payment into an on-time one", () => {
    const graceful = { ...config, credit: { ...config.credit, graceDays: 3 } };
    const { facts } = factsOf({ config: graceful, invoices: [invoice("c1", "2026-01-10", 100, "2026-01-13")] });
    expect(facts[0]?.onTimeShare).toBe(1);
    expect(facts[0]?.maxDaysLate).toBe(3);
  });

  it("keeps an unpaid overdue invoice late until asOf and counts it overdue and outstanding", () => {
    const { facts } = factsOf({
      invoices: [
        invoice("c1", "2026-01-30", 500, null),
        invoice("c1", "2026-04-01", 70, null),
        invoice("c1", "2026-02-10", 100, "2026-02-20", 60),
      ],
    });
    expect(facts[0]).toMatchObject({
      invoicesDue: 2,
      onTimeShare: 0,
      maxDaysLate: 30,
      overdueAmount: 540,
      oldestOverdueDays: 30,
      outstanding: 610,
    });
  });

  it("treats a payment dated after asOf as not yet made", () => {
    const { facts } = factsOf({ invoices: [invoice("c1", "2026-02-01", 100, "2026-03-05")] });
    expect(facts[0]).toMatchObject({ overdueAmount: 100, oldestOverdueDays: 28, onTimeShare: 0 });
  });

  it("has no on-time share without invoices due in the window", () => {
    const { facts } = factsOf({ invoices: [invoice("c1", "2026-05-01", 100, null)] });
    expect(facts[0]).toMatchObject({ invoicesDue: 0, onTimeShare: null, overdueAmount: 0, outstanding: 100 });
  });
});

describe("contact facts", () => {
  it("finds the last contact and the touches of the last 30 days", () => {
    const { facts } = factsOf({
      interactions: [
        interaction("c1", "2026-01-30T10:00:00Z"),
        interaction("c1", "2026-01-31T10:00:00Z"),
        interaction("c1", "2026-02-20T10:00:00Z"),
        interaction("c1", "2026-03-02T10:00:00Z"),
      ],
    });
    expect(facts[0]).toMatchObject({ lastContact: "2026-02-20T10:00:00Z", interactions30d: 2 });
  });

  it("dates a touch by the day written in it, UTC or with an offset, and orders touches by their instant", () => {
    // asOf is 2026-03-01. Written on the 1st: counted, whatever the instant in UTC; written on the 2nd: ignored.
    const { facts } = factsOf({
      interactions: [
        interaction("c1", "2026-03-01T23:30:00-05:00"), // 2026-03-02 04:30 UTC: the latest instant counted
        interaction("c1", "2026-03-01T23:59:59Z"),
        interaction("c1", "2026-03-01T23:59:59.999Z"),
        interaction("c1", "2026-03-02T00:30:00+08:00"), // 2026-03-01 16:30 UTC, but written on the 2nd
        interaction("c1", "2026-03-02T00:00:00Z"),
        interaction("c1", "2026-02-29T10:00:00Z"), // no such day: Date.parse's 2026-03-01, written on "02-29"
      ],
    });
    expect(facts[0]).toMatchObject({ lastContact: "2026-03-01T23:30:00-05:00", interactions30d: 4 });
  });

  it("costs interactions in the window by kind unless the customer has its own yearly figure", () => {
    const interactions = [
      interaction("c1", "2026-02-01T00:00:00Z", { kind: "visit" }),
      interaction("c1", "2026-02-01T00:00:00Z", { kind: "meeting" }),
      interaction("c1", "2026-02-01T00:00:00Z", { kind: "call" }),
      interaction("c1", "2026-02-01T00:00:00Z", { kind: "wechat" }),
      interaction("c1", "2024-02-01T00:00:00Z", { kind: "visit" }),
    ];
    expect(factsOf({ interactions }).facts[0]?.serviceCost).toBe(50000 + 30000 + 5000 + 1000);
    expect(factsOf({ interactions, customers: [customer("c1", { serviceCost: 123 })] }).facts[0]?.serviceCost).toBe(
      123,
    );
  });

  it("flags an incoming email later than the last outgoing touch as unanswered", () => {
    const received = "2026-02-27T09:00:00Z";
    const open = factsOf({
      interactions: [
        interaction("c1", "2026-02-26T09:00:00Z"),
        interaction("c1", received, { kind: "email", direction: "in" }),
      ],
    });
    expect(open.unansweredEmail[0]).toBe(received);
    const answered = factsOf({
      interactions: [
        interaction("c1", received, { kind: "email", direction: "in" }),
        interaction("c1", "2026-02-27T10:00:00Z", { kind: "email" }),
      ],
    });
    expect(answered.unansweredEmail[0]).toBeNull();
  });
});

describe("facts properties", () => {
  const day = fc.integer({ min: 0, max: 900 }).map((d) => daysBefore(ASOF, d));
  const orders = fc.array(
    fc.record({ c: fc.constantFrom("c1", "c2", "c3"), d: day, a: fc.integer({ min: 0, max: 1e6 }) }),
    { maxLength: 40 },
  );

  it("do not depend on the order of the records", () => {
    fc.assert(
      fc.property(orders, fc.integer(), (list, seed) => {
        const customers = ["c1", "c2", "c3"].map((id) => customer(id));
        const records = list.map((o) => order(o.c, o.d, o.a, Math.floor(o.a / 2)));
        const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const a = deriveFacts({ customers, orders: records, invoices: [], interactions: [], config, asOf: ASOF });
        const b = deriveFacts({ customers, orders: shuffled, invoices: [], interactions: [], config, asOf: ASOF });
        expect(b).toEqual(a);
      }),
    );
  });

  it("split revenue so that the window revenues of all customers add up to the window's orders", () => {
    fc.assert(
      fc.property(orders, (list) => {
        const customers = ["c1", "c2", "c3"].map((id) => customer(id));
        const records = list.map((o) => order(o.c, o.d, o.a));
        const { facts } = deriveFacts({
          customers,
          orders: records,
          invoices: [],
          interactions: [],
          config,
          asOf: ASOF,
        });
        const inWindow = list.filter((o) => o.d > daysBefore(ASOF, 365)).reduce((s, o) => s + o.a, 0);
        expect(facts.reduce((s, f) => s + f.revenue, 0)).toBe(inWindow);
      }),
    );
  });
});
