import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { assessMan, decidersContacted } from "../../shared/man";
import { ASOF, contact, customer, daysBefore, interaction } from "./builders";
import { byId, codes, grade } from "./workspace";

describe("MAN qualification", () => {
  it("is qualified when money, authority and need are all yes", () => {
    const r = assessMan({ ratings: {} }, { revenue: 10, deciderContacted: true, needShown: false });
    expect(r).toEqual({ money: "yes", authority: "yes", need: "yes", status: "qualified", missing: [] });
  });

  it("is unqualified as soon as one answer is no", () => {
    const r = assessMan({ ratings: { man_money: "no" } }, { revenue: 0, deciderContacted: true, needShown: true });
    expect(r.status).toBe("unqualified");
    expect(r.missing).toEqual(["money"]);
  });

  it("is partial otherwise and names what is missing", () => {
    const r = assessMan({ ratings: {} }, { revenue: 0, deciderContacted: false, needShown: true });
    expect(r).toMatchObject({
      money: "unknown",
      authority: "unknown",
      need: "yes",
      status: "partial",
      missing: ["money", "authority"],
    });
  });

  it("knows authority only from a decider contacted in the last 90 days", () => {
    const contacts = [contact("d1", "c1", "decider"), contact("u2", "c2", "user"), contact("d3", "c3", "decider")];
    const interactions = [
      interaction("c1", "2025-12-02T10:00:00Z", { contactId: "d1" }), // 89 days before asOf
      interaction("c2", "2026-02-20T10:00:00Z", { contactId: "u2" }),
      interaction("c3", "2025-12-01T10:00:00Z", { contactId: "d3" }), // 90 days: outside the window
    ];
    const set = decidersContacted(contacts, interactions, ASOF, defaultConfig());
    expect([...set]).toEqual(["c1"]);
  });
});

describe("MAN authority in a graded workspace (interactions carry the contact touched)", () => {
  const prospect = customer("p", { lifecycleStage: "prospect" });
  const contacts = [contact("boss", "p", "decider"), contact("clerk", "p", "user")];
  const touched = (contactId: string | null, daysAgo: number) =>
    byId(
      grade({
        customers: [prospect],
        contacts,
        interactions: [interaction("p", `${daysBefore(ASOF, daysAgo)}T10:00:00Z`, { contactId })],
      }),
      "p",
    );

  it("is not yes when the decider is known but was last contacted more than 90 days ago", () => {
    const g = touched("boss", 120);
    expect(g.man.authority).not.toBe("yes");
    expect(g.man.missing).toContain("authority");
    expect(codes(g)).toContain("find-decision-maker");
  });

  it("is yes when the decider was contacted 30 days ago", () => {
    const g = touched("boss", 30);
    expect(g.man.authority).toBe("yes");
    expect(g.man.missing).not.toContain("authority");
    expect(codes(g)).not.toContain("find-decision-maker");
  });

  it("is not yes from a recent touch of another contact or of nobody in particular", () => {
    expect(touched("clerk", 30).man.authority).not.toBe("yes");
    expect(touched(null, 30).man.authority).not.toBe("yes");
  });
});

describe("MAN properties", () => {
  const rating = fc.constantFrom(undefined, "yes", "no", "maybe");
  const cases = fc.record({
    money: rating,
    authority: rating,
    need: rating,
    revenue: fc.integer({ min: -1000, max: 1000 }),
    deciderContacted: fc.boolean(),
    needShown: fc.boolean(),
  });
  const assess = (x: typeof cases extends fc.Arbitrary<infer T> ? T : never) => {
    const ratings: Record<string, string> = {};
    if (x.money) ratings.man_money = x.money;
    if (x.authority) ratings.man_authority = x.authority;
    if (x.need) ratings.man_need = x.need;
    return assessMan({ ratings }, x);
  };
  const answers = (r: ReturnType<typeof assessMan>) => [r.money, r.authority, r.need];

  it("are unqualified on any no, qualified on three yes, partial otherwise", () => {
    fc.assert(
      fc.property(cases, (x) => {
        const r = assess(x);
        if (answers(r).includes("no")) expect(r.status).toBe("unqualified");
        else if (answers(r).every((a) => a === "yes")) expect(r.status).toBe("qualified");
        else expect(r.status).toBe("partial");
      }),
    );
  });

  it("list as missing exactly the answers that are not yes, in M, A, N order", () => {
    fc.assert(
      fc.property(cases, (x) => {
        const r = assess(x);
        expect(r.missing).toEqual((["money", "authority", "need"] as const).filter((k) => r[k] !== "yes"));
      }),
    );
  });

  it("let a rep's yes or no override what the records suggest, and ignore any other rating", () => {
    fc.assert(
      fc.property(cases, (x) => {
        const r = assess(x);
        if (x.money === "yes" || x.money === "no") expect(r.money).toBe(x.money);
        else expect(r.money).toBe(x.revenue > 0 ? "yes" : "unknown");
        if (x.authority === "yes" || x.authority === "no") expect(r.authority).toBe(x.authority);
        else expect(r.authority).toBe(x.deciderContacted ? "yes" : "unknown");
      }),
    );
  });
});
