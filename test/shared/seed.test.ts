// The demo generator: deterministic for a seed and anchor, valid against the import contract, and shaped
// like a real trading company's books (industries, regions, heavy tail, overdue, every funnel stage).
import { describe, expect, it } from "vitest";
import { generateDemo } from "../../scripts/seed/generate";
import { isFreeMailDomain } from "../../shared/contract/email";
import { importRowSchemas } from "../../shared/contract/import";

const ANCHOR = "2026-03-01";
const demo = generateDemo({ anchorDate: ANCHOR, owners: ["admin@demo.tierlens.test", "rep@demo.tierlens.test"] });

describe("generateDemo", () => {
  it("returns the same rows for the same seed and anchor, and other rows for another seed", () => {
    const again = generateDemo({ anchorDate: ANCHOR, owners: ["admin@demo.tierlens.test", "rep@demo.tierlens.test"] });
    expect(again).toEqual(demo);
    expect(generateDemo({ anchorDate: ANCHOR, seed: 7 }).customers).not.toEqual(demo.customers);
  });

  it("keeps every id but the interactions' when the anchor moves, shifting dates only", () => {
    const later = generateDemo({
      anchorDate: "2026-03-11",
      owners: ["admin@demo.tierlens.test", "rep@demo.tierlens.test"],
    });
    expect(later.orders.map((o) => o.externalId)).toEqual(demo.orders.map((o) => o.externalId));
    expect(later.orders[0]?.date).not.toBe(demo.orders[0]?.date);
    expect(later.customers).toEqual(demo.customers);
    expect(later.interactions[0]?.id).not.toBe(demo.interactions[0]?.id);
  });

  it("produces only rows the import API accepts", () => {
    for (const type of ["customers", "contacts", "orders", "invoices", "opportunities", "interactions"] as const) {
      for (const row of demo[type]) expect(importRowSchemas[type].safeParse(row).error).toBeUndefined();
    }
  });

  it("refers only to customers and orders it defines, with unique keys", () => {
    const customers = new Set(demo.customers.map((c) => c.externalId));
    expect(customers.size).toBe(200);
    const orderOwner = new Map(demo.orders.map((o) => [o.externalId, o.customerExternalId]));
    expect(orderOwner.size).toBe(demo.orders.length);
    for (const rows of [demo.contacts, demo.orders, demo.invoices, demo.opportunities, demo.interactions]) {
      for (const row of rows) expect(customers.has(row.customerExternalId)).toBe(true);
    }
    for (const i of demo.invoices) expect(orderOwner.get(i.orderExternalId ?? "")).toBe(i.customerExternalId);
    expect(new Set(demo.contacts.map((c) => c.email)).size).toBe(demo.contacts.length);
    expect(new Set(demo.interactions.map((i) => i.id)).size).toBe(demo.interactions.length);
    const domains = demo.customers.flatMap((c) => c.domains ?? []);
    expect(new Set(domains).size).toBe(domains.length);
    expect(domains.some(isFreeMailDomain)).toBe(false);
  });

  it("spreads customers over at least six industries and the five regions, in Chinese and English", () => {
    expect(new Set(demo.customers.map((c) => c.industry)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(demo.customers.map((c) => c.region))).toEqual(new Set(["华东", "华南", "华北", "西南", "海外"]));
    expect(new Set(demo.customers.map((c) => c.kind)).size).toBe(4);
    expect(demo.customers.some((c) => /有限公司$/.test(c.name))).toBe(true);
    expect(demo.customers.some((c) => /^[A-Za-z ]+ (Ltd|Inc\.|GmbH|Pte\. Ltd\.|LLC|B\.V\.)$/.test(c.name))).toBe(true);
    expect(demo.contacts.some((c) => /@(qq|163)\.com$/.test(c.email))).toBe(true);
    expect(demo.contacts.some((c) => c.email.endsWith("@gmail.com"))).toBe(true);
  });

  it("puts two years of orders before the anchor, with a heavy tail of revenue", () => {
    const dates = demo.orders.map((o) => String(o.date)).sort();
    expect(dates[0]! >= "2024-03-01").toBe(true);
    expect(dates.at(-1)! < ANCHOR).toBe(true);
    const revenue = new Map<string, number>();
    for (const o of demo.orders)
      revenue.set(o.customerExternalId, (revenue.get(o.customerExternalId) ?? 0) + Number(o.amount));
    const sorted = [...revenue.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top20 = sorted.slice(0, Math.round(sorted.length / 5)).reduce((a, b) => a + b, 0);
    expect(top20 / total).toBeGreaterThan(0.5);
  });

  it("has mostly on-time invoices, some late, some long overdue and unpaid, and one customer over its limit", () => {
    const paid = demo.invoices.filter((i) => i.paidDate);
    const onTime = paid.filter((i) => String(i.paidDate) <= String(i.dueDate));
    expect(onTime.length / paid.length).toBeGreaterThan(0.7);
    expect(paid.length - onTime.length).toBeGreaterThan(0);
    const longOverdue = demo.invoices.filter((i) => !i.paidDate && String(i.dueDate) < "2025-12-31");
    expect(longOverdue.length).toBeGreaterThan(0);
    const over = demo.customers.find((c) => c.externalId === demo.notes.overLimit)!;
    const open = demo.invoices
      .filter((i) => i.customerExternalId === over.externalId && !i.paidDate)
      .reduce((sum, i) => sum + Number(i.amount), 0);
    expect(open).toBeGreaterThan(Number(over.creditLimit));
  });

  it("has opportunities at every stage, some stale, and recent incoming emails", () => {
    const stages = new Set(demo.opportunities.map((o) => o.stage));
    expect(stages).toEqual(
      new Set(["first_contact", "needs_understood", "proposal", "negotiation", "won", "paid", "lost"]),
    );
    expect(demo.opportunities.some((o) => String(o.stageChangedAt) < "2026-02-14")).toBe(true);
    const incoming = demo.interactions.filter((i) => i.direction === "in" && String(i.occurredAt) >= "2026-02-27");
    expect(incoming.length).toBeGreaterThan(0);
  });
});
