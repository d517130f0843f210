import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { crossSellProducts } from "../../shared/suggest";
import { ASOF, customer, daysBefore, interaction, invoice, opportunity, order } from "./builders";
import { byId, codes, grade } from "./workspace";

describe("next steps", () => {
  it("put credit on hold and collect an invoice unpaid for 90 days, both first", () => {
    const g = byId(
      grade({ customers: [customer("c")], invoices: [invoice("c", daysBefore(ASOF, 90), 50_000, null)] }),
      "c",
    );
    const collect = g.suggestions.find((s) => s.code === "collect-overdue");
    expect(codes(g).slice(0, 2)).toEqual(["collect-overdue", "credit-hold"]);
    expect(collect).toMatchObject({ priority: 1, due: ASOF, facts: { overdueAmount: 50_000, oldestOverdueDays: 90 } });
    expect(collect?.title).toEqual({ key: "suggest.collect-overdue", params: { amount: 50_000, days: 90 } });
  });

  it("ask for a reply by received + the tier's target when an email came in after the last outgoing touch", () => {
    const received = "2026-02-27T07:00:00Z"; // Friday 15:00 in Shanghai; the customer is C → 3 working days
    const g = byId(
      grade({
        customers: [customer("c")],
        interactions: [
          interaction("c", "2026-02-26T07:00:00Z"),
          interaction("c", received, { kind: "email", direction: "in" }),
        ],
      }),
      "c",
    );
    const reply = g.suggestions.find((s) => s.code === "reply-due");
    expect(g.tier).toBe("C");
    expect(reply).toMatchObject({ priority: 1, due: "2026-03-04T07:00:00.000Z", facts: { receivedAt: received } });
  });

  it("call a follow-up overdue after last contact + cadence, and due when it falls within 2 days", () => {
    // Tier C: every 30 days.
    const overdue = byId(
      grade({ customers: [customer("c")], interactions: [interaction("c", "2026-01-01T09:00:00Z")] }),
      "c",
    );
    expect(overdue.suggestions.find((s) => s.code === "follow-up-overdue")).toMatchObject({
      due: "2026-01-31",
      facts: { daysOverdue: 29 },
    });
    const soon = byId(
      grade({ customers: [customer("c")], interactions: [interaction("c", "2026-02-01T09:00:00Z")] }),
      "c",
    );
    expect(soon.suggestions.find((s) => s.code === "follow-up-due")).toMatchObject({ due: "2026-03-03" });
    const later = byId(
      grade({ customers: [customer("c")], interactions: [interaction("c", "2026-02-02T09:00:00Z")] }),
      "c",
    );
    expect(codes(later)).not.toContain("follow-up-due");
    expect(codes(later)).not.toContain("follow-up-overdue");
  });

  it("warn of churn when a customer buying every 10 days has been silent for 60", () => {
    const orders = [100, 90, 80, 70, 60].map((d) => order("c", daysBefore(ASOF, d), 1000));
    const g = byId(grade({ customers: [customer("c")], orders }), "c");
    expect(g.churn).toBe("high");
    expect(g.suggestions.find((s) => s.code === "churn-risk")).toMatchObject({
      priority: 2,
      facts: { risk: "high", recencyDays: 60, cycleDays: 10 },
    });
  });

  it("qualify a prospect: decision maker, need and budget unknown, legal documents unverified", () => {
    const prospect = customer("p", { lifecycleStage: "prospect", legalVerified: false });
    const g = byId(grade({ customers: [prospect] }), "p");
    expect(codes(g)).toEqual(
      expect.arrayContaining(["find-decision-maker", "qualify-need", "qualify-budget", "verify-legal"]),
    );
    const signed = byId(grade({ customers: [customer("s")] }), "s");
    expect(codes(signed)).not.toContain("find-decision-maker");
    expect(codes(signed)).not.toContain("verify-legal");
  });

  it("push a deal stuck 20 days in proposal towards negotiation", () => {
    const g = byId(
      grade({
        customers: [customer("c")],
        opportunities: [opportunity("o1", "c", { stageChangedAt: daysBefore(ASOF, 20) })],
      }),
      "c",
    );
    expect(g.suggestions.find((s) => s.code === "advance-opportunity")?.facts).toEqual({
      opportunityId: "o1",
      stage: "proposal",
      nextStage: "negotiation",
      days: 20,
    });
  });

  it("propose what ≥ 30 % of peers in the same industry and tier bought", () => {
    const peers = crossSellProducts(
      [
        { industry: "tools", tier: "B", products: ["drill", "saw"] },
        { industry: "tools", tier: "B", products: ["drill"] },
        { industry: "tools", tier: "B", products: [] },
        { industry: "food", tier: "B", products: ["flour"] },
        { industry: "tools", tier: "A", products: ["crane"] },
      ],
      defaultConfig(),
    );
    // drill 2/3, saw 1/3 (≥ 30 %); the food and tier-A customers have no peers.
    expect(peers).toEqual([[], ["saw"], ["drill", "saw"], [], []]);
  });

  it("mark a new key account, a tier that fell, negative value and unrated criteria", () => {
    const customers = [customer("big"), customer("costly", { serviceCost: 10_000_000 })];
    const orders = [order("big", "2026-02-01", 1_000_000, 100_000), order("costly", "2026-02-01", 1000, 900)];
    const previous = [
      { customerId: "big", tier: "A", keyAccount: false },
      { customerId: "costly", tier: "A", keyAccount: false },
    ];
    const config = defaultConfig();
    config.scorecard.criteria[3]!.weight = 10;
    config.scorecard.criteria.push({
      id: "relationship",
      kind: "manual",
      weight: 10,
      levels: [{ id: "close", points: 10 }],
    });
    const result = grade({ customers, orders, previous, config });
    const big = byId(result, "big");
    expect(big.keyAccount).toBe(true);
    expect(codes(big)).toContain("promote-key-account");
    const costly = byId(result, "costly");
    expect(costly.negativeValue).toBe(true);
    expect(codes(costly)).toEqual(expect.arrayContaining(["grade-drop", "reduce-service", "rate-criteria"]));
    expect(costly.suggestions.find((s) => s.code === "grade-drop")?.facts).toEqual({ from: "A", to: costly.tier });
    expect(costly.suggestions.find((s) => s.code === "rate-criteria")?.facts).toEqual({
      criteria: "relationship",
      count: 1,
    });
  });

  it("come sorted by priority, then due date", () => {
    const customers = [customer("c", { lifecycleStage: "prospect", legalVerified: false })];
    const g = byId(
      grade({
        customers,
        invoices: [invoice("c", daysBefore(ASOF, 20), 100, null)],
        interactions: [interaction("c", "2026-01-01T00:00:00Z", { kind: "email", direction: "in" })],
        opportunities: [opportunity("o", "c", { stageChangedAt: "2026-01-01" })],
      }),
      "c",
    );
    expect(g.suggestions.length).toBeGreaterThan(5);
    for (let i = 1; i < g.suggestions.length; i++) {
      const [a, b] = [g.suggestions[i - 1]!, g.suggestions[i]!];
      expect(a.priority).toBeLessThanOrEqual(b.priority);
      if (a.priority === b.priority && a.due && b.due) expect(a.due <= b.due).toBe(true);
    }
  });
});
