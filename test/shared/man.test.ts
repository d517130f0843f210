import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { assessMan, decidersContacted } from "../../shared/man";
import { ASOF, contact, interaction } from "./builders";

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
