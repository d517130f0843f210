// Customer id → position: every id is found, odd ids included, a repeated id is refused, unknown ids miss, and
// records of unknown customers or dated after asOf leave every fact alone.
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { deriveFacts, indexCustomers } from "../../shared/facts";
import { customerPositions } from "../../shared/facts/lookup";
import { ASOF, customer, daysBefore, interaction, invoice, order } from "./builders";

describe("customer index", () => {
  it("finds ids that are also Object.prototype's names", () => {
    const ids = ["__proto__", "constructor", "toString", "hasOwnProperty", "0", "01", "c1"];
    const index = indexCustomers(ids.map((id) => ({ id })));
    ids.forEach((id, i) => {
      expect(index[id]).toBe(i);
    });
    expect(index.valueOf).toBeUndefined();
    expect(index.c2).toBeUndefined();
  });

  it("finds every one of many ids, also when asked with equal strings that are other objects", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `customer-${i}`);
    const index = indexCustomers(ids.map((id) => ({ id })));
    ids.forEach((id, i) => {
      // A copy built from its characters: equal, but not the same string object.
      expect(index[String.fromCharCode(...Array.from(id, (ch) => ch.charCodeAt(0)))]).toBe(i);
    });
    expect(index["customer-5000"]).toBeUndefined();
    expect(indexCustomers([])["customer-0"]).toBeUndefined();
  });

  it("refuses a repeated id", () => {
    expect(() => indexCustomers([{ id: "c1" }, { id: "c2" }, { id: "c1" }])).toThrow("duplicate customer id c1");
  });

  it("credits orders to customers whose ids look like prototype names, and no one else", () => {
    const customers = [customer("__proto__"), customer("constructor")];
    const orders = [order("__proto__", ASOF, 700), order("constructor", ASOF, 300), order("toString", ASOF, 999)];
    const { facts } = deriveFacts({
      customers,
      orders,
      invoices: [],
      interactions: [],
      config: defaultConfig(),
      asOf: ASOF,
    });
    expect(facts.map((f) => f.revenue)).toEqual([700, 300]);
  });

  it("resolves every record to its customer's position, runs and unknown ids included", () => {
    const index = indexCustomers([{ id: "c1" }, { id: "c2" }]);
    const records = ["c2", "c2", "zz", "c1", "c1", "zz", "c2"].map((customerId) => ({ customerId }));
    expect([...customerPositions(records, index)]).toEqual([1, 1, -1, 0, 0, -1, 1]);
    expect(customerPositions([], index)).toHaveLength(0);
  });

  it("reads orders, invoices and interactions of known customers only, and no order dated after asOf", () => {
    const customers = [customer("c1"), customer("c2")];
    const { facts } = deriveFacts({
      customers,
      orders: [
        order("c1", daysBefore(ASOF, 30), 100, 0, "pump"),
        order("ghost", daysBefore(ASOF, 20), 999, 0, "valve"),
        order("c1", daysBefore(ASOF, 10), 200, 0, "seal"),
        order("c2", daysBefore(ASOF, 1), 50),
        // After asOf: no revenue, no product, no purchase-cycle gap, not the last order.
        order("c1", daysBefore(ASOF, -5), 400, 0, "hose"),
      ],
      invoices: [invoice("ghost", daysBefore(ASOF, 40), 500, null), invoice("c2", daysBefore(ASOF, 40), 70, null)],
      interactions: [interaction("ghost", "2026-02-27T09:00:00Z"), interaction("c2", "2026-02-20T09:00:00Z")],
      config: defaultConfig(),
      asOf: ASOF,
    });
    const [c1, c2] = facts;
    expect(c1?.revenue).toBe(300);
    expect(c1?.products).toEqual(["pump", "seal"]);
    expect(c1?.lifetimeOrderCount).toBe(2);
    expect(c1?.cycleDays).toBe(20);
    expect(c1?.lastOrderDate).toBe(daysBefore(ASOF, 10));
    expect(c1?.overdueAmount).toBe(0);
    expect(c1?.lastContact).toBeNull();
    expect(c2?.revenue).toBe(50);
    expect([c2?.firstOrderDate, c2?.lastOrderDate, c2?.lifetimeOrderCount]).toEqual([
      daysBefore(ASOF, 1),
      daysBefore(ASOF, 1),
      1,
    ]);
    expect(c2?.overdueAmount).toBe(70);
    expect(c2?.lastContact).toBe("2026-02-20T09:00:00Z");
  });
});
