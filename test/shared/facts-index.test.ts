// Customer id → position: every id is found, odd ids included, a repeated id is refused, unknown ids miss.
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { deriveFacts, indexCustomers } from "../../shared/facts";
import { ASOF, customer, order } from "./builders";

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
});
