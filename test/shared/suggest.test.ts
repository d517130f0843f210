import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { gradeWorkspace } from "../../shared/grade";
import { t } from "../../shared/i18n";
import { LIFECYCLE_STAGES } from "../../shared/records";
import { crossSellProducts, SUGGESTION_PRIORITY } from "../../shared/suggest";
import { workspace } from "./arbitraries";
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

  it("say why credit is on hold: the overdue amount when something is open, else the late payment history", () => {
    const result = grade({
      customers: [customer("open"), customer("late")],
      invoices: [
        invoice("open", daysBefore(ASOF, 90), 50_000, null),
        // Everything paid, but 70 and 40 days after it was due: on hold for the history alone.
        invoice("late", daysBefore(ASOF, 200), 30_000, daysBefore(ASOF, 130)),
        invoice("late", daysBefore(ASOF, 100), 20_000, daysBefore(ASOF, 60)),
      ],
    });
    const hold = (id: string) => byId(result, id).suggestions.find((s) => s.code === "credit-hold");
    expect(hold("open")?.title).toEqual({ key: "suggest.credit-hold", params: { amount: 50_000, days: 90 } });
    const late = hold("late");
    expect(late?.title).toEqual({ key: "suggest.credit-hold.late", params: { percent: 0, days: 70 } });
    expect(t("en", late!.title)).toBe(
      "Credit on hold: require prepayment and pause shipments (paid on time 0 %, up to 70 days late)",
    );
    expect(t("zh-CN", late!.title)).toBe("暂停信用：要求预付款并暂停发货（按时付款 0%，最长逾期 70 天）");
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

  it("treat customers without an industry as peers of each other, tier by tier", () => {
    const peers = crossSellProducts(
      [
        { industry: null, tier: "C", products: ["bolt"] },
        { industry: "", tier: "C", products: [] },
        { industry: null, tier: "B", products: [] },
        { industry: "tools", tier: "C", products: [] },
      ],
      defaultConfig(),
    );
    // bolt: 1 of the 2 industry-less C customers; the B one and the tools one have no such peer.
    expect(peers).toEqual([[], ["bolt"], [], []]);
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

describe("next-step properties", () => {
  /** The random workspace with every lifecycle stage, verified or not, and a previous grade for some. */
  const graded = fc
    .tuple(
      workspace,
      fc.array(fc.constantFrom(...LIFECYCLE_STAGES), { minLength: 6, maxLength: 6 }),
      fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    )
    .map(([input, stages, verified]) => {
      const customers = input.customers.map((c, i) => ({
        ...c,
        lifecycleStage: stages[i]!,
        legalVerified: verified[i]!,
        kind: i === 3 ? ("individual" as const) : c.kind,
      }));
      return { input: { ...input, customers }, result: gradeWorkspace({ ...input, customers }) };
    });

  it("come sorted by priority, then due date (undated last), with priorities 1–5", () => {
    fc.assert(
      fc.property(graded, ({ result }) => {
        for (const g of result.customers) {
          const s = g.suggestions;
          for (const x of s) expect([1, 2, 3, 4, 5]).toContain(x.priority);
          for (let i = 1; i < s.length; i++) {
            const [a, b] = [s[i - 1]!, s[i]!];
            expect(a.priority).toBeLessThanOrEqual(b.priority);
            if (a.priority === b.priority) {
              if (a.due === undefined) expect(b.due).toBeUndefined();
              else if (b.due !== undefined) expect(a.due <= b.due).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("give each code at most once per customer, except one advance-opportunity per stale deal", () => {
    fc.assert(
      fc.property(graded, ({ result }) => {
        for (const g of result.customers) {
          const list = g.suggestions.map((s) => s.code).filter((c) => c !== "advance-opportunity");
          expect(new Set(list).size).toBe(list.length);
          const deals = g.suggestions.filter((s) => s.code === "advance-opportunity").map((s) => s.facts.opportunityId);
          expect(new Set(deals).size).toBe(deals.length);
          expect(list.includes("follow-up-due") && list.includes("follow-up-overdue")).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("hold credit exactly when the rating is hold, collect exactly when something is overdue, reduce service exactly for negative value", () => {
    fc.assert(
      fc.property(graded, ({ result }) => {
        for (const g of result.customers) {
          const has = (code: string) => g.suggestions.some((s) => s.code === code);
          expect(has("credit-hold")).toBe(g.credit.rating === "hold");
          expect(has("collect-overdue")).toBe(g.credit.overdueAmount > 0);
          expect(has("reduce-service")).toBe(g.negativeValue);
          expect(has("churn-risk")).toBe(g.churn !== "none");
          expect(has("rate-criteria")).toBe(g.incomplete);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("ask for the decision maker only while qualifying a customer, and exactly when MAN authority is not yes", () => {
    const stages = defaultConfig().man.stages as readonly string[];
    fc.assert(
      fc.property(graded, ({ input, result }) => {
        result.customers.forEach((g, i) => {
          const qualifying = stages.includes(input.customers[i]!.lifecycleStage);
          const has = g.suggestions.some((s) => s.code === "find-decision-maker");
          expect(has).toBe(qualifying && g.man.authority !== "yes");
        });
      }),
      { numRuns: 60 },
    );
  });

  it("keep the default priority of a code unless the spec raises it (overdue > 60 days, high churn, a target to verify)", () => {
    const raised = new Set(["collect-overdue", "churn-risk", "verify-legal"]);
    fc.assert(
      fc.property(graded, ({ result }) => {
        for (const g of result.customers)
          for (const s of g.suggestions) {
            if (raised.has(s.code)) expect(s.priority).toBeLessThanOrEqual(SUGGESTION_PRIORITY[s.code]);
            else expect(s.priority).toBe(SUGGESTION_PRIORITY[s.code]);
          }
      }),
      { numRuns: 60 },
    );
  });
});
