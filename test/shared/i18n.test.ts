import { describe, expect, it } from "vitest";
import { SCORECARD_TEMPLATES, scorecardTemplate } from "../../shared/config";
import {
  ABC_CLASSES,
  CHURN_RISKS,
  CREDIT_RATINGS,
  KAISM_QUADRANTS,
  PYRAMID_LEVELS,
  RFM_SEGMENTS,
  SUGGESTION_CODES,
  TIERS,
  VALUE_CLASSES,
} from "../../shared/grade/types";
import { engineEn, engineZhCN, formatMoney, t } from "../../shared/i18n";

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    expect(Object.keys(engineZhCN).sort()).toEqual(Object.keys(engineEn).sort());
  });

  it("use the same placeholders in both languages", () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(engineEn) as (keyof typeof engineEn)[])
      expect(holes(engineZhCN[key]), key).toEqual(holes(engineEn[key]));
  });

  it("name every tier, class, level, rating, risk, quadrant, segment, suggestion and shipped criterion", () => {
    const keys = [
      ...TIERS.map((x) => `tier.${x}`),
      ...ABC_CLASSES.map((x) => `abc.${x}`),
      ...PYRAMID_LEVELS.map((x) => `pyramid.${x}`),
      ...RFM_SEGMENTS.map((x) => `segment.${x}`),
      ...VALUE_CLASSES.map((x) => `valueClass.${x}`),
      ...CREDIT_RATINGS.map((x) => `credit.${x}`),
      ...CHURN_RISKS.map((x) => `churn.${x}`),
      ...KAISM_QUADRANTS.map((x) => `quadrant.${x}`),
      ...SUGGESTION_CODES.map((x) => `suggest.${x}`),
      ...SCORECARD_TEMPLATES.flatMap((tpl) =>
        scorecardTemplate(tpl).criteria.flatMap((c) => [
          `criterion.${c.id}`,
          ...(c.kind === "manual" ? c.levels.map((l) => `level.${l.id}`) : []),
        ]),
      ),
    ];
    const missing = keys.filter((k) => !(k in engineEn));
    expect(missing).toEqual([]);
  });
});

describe("t", () => {
  it("renders a message with money in the locale's format", () => {
    expect(t("zh-CN", { key: "suggest.collect-overdue", params: { amount: 120_000, days: 20 } })).toBe(
      "催收逾期 20 天的 ¥1,200.00",
    );
    expect(
      t("en", { key: "suggest.collect-overdue", params: { amount: 120_000, days: 20 } }, { currency: "USD" }),
    ).toBe("Collect $1,200.00 overdue for 20 days");
  });

  it("translates a parameter that is itself a message key", () => {
    expect(t("en", { key: "suggest.advance-opportunity", params: { days: 20, stage: "stage.negotiation" } })).toBe(
      "Stalled for 20 days: move the deal to Negotiation",
    );
  });

  it("shows date and timestamp params as dates in the reader's language, never as raw ISO text", () => {
    const due = { key: "suggest.follow-up-due", params: { due: "2026-11-24" } };
    expect(t("en", due)).toBe("Follow up by Nov 24, 2026");
    expect(t("zh-CN", due)).toBe("请在 2026年11月24日 前跟进");
    const reply = { key: "suggest.follow-up-due", params: { due: "2026-11-24T07:20:00Z" } };
    expect(t("en", reply, { timeZone: "Asia/Shanghai" })).toBe("Follow up by Nov 24, 2026, 3:20 PM");
    // A calendar day never shifts to the day before in a zone west of UTC.
    expect(t("en", due, { timeZone: "America/Los_Angeles" })).toBe("Follow up by Nov 24, 2026");
    // Text that only looks date-like stays as it is.
    expect(t("en", { key: "suggest.follow-up-due", params: { due: "2026-13-99x" } })).toBe("Follow up by 2026-13-99x");
  });

  it("falls back to the fallback param, then to the key, for unknown messages", () => {
    expect(t("en", { key: "criterion.loyalty", params: { fallback: "loyalty" } })).toBe("loyalty");
    expect(t("zh-CN", { key: "nothing.here" })).toBe("nothing.here");
  });
});

describe("formatMoney", () => {
  it("reads minor units by the currency's own fraction digits", () => {
    expect(formatMoney(4_800_000, "CNY", "zh-CN")).toBe("¥48,000.00");
    expect(formatMoney(1234, "JPY", "en")).toBe("¥1,234");
  });
});
