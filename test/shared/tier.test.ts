import { describe, expect, it } from "vitest";
import { defaultConfig, type HEADLINE_MODELS } from "../../shared/config";
import { headlineTier, isKeyAccount, type ModelOutputs, tierRank } from "../../shared/tier";

const models: ModelOutputs = {
  scorecardTier: "B",
  abc: "A",
  pyramid: "major",
  valueClass: "second_tier",
  quadrant: "opportunistic",
};
const withHeadline = (headline: (typeof HEADLINE_MODELS)[number]) => ({ ...defaultConfig(), headline });

describe("headline tier", () => {
  it("is the scorecard's tier by default", () => {
    expect(headlineTier(models, defaultConfig())).toBe("B");
  });

  it("follows the model the workspace chose", () => {
    expect(headlineTier(models, withHeadline("abc"))).toBe("A");
    expect(headlineTier(models, withHeadline("pyramid"))).toBe("B");
    expect(headlineTier(models, withHeadline("value"))).toBe("B");
    expect(headlineTier(models, withHeadline("kaism"))).toBe("C");
    expect(headlineTier({ ...models, pyramid: "vip" }, withHeadline("pyramid"))).toBe("A");
    expect(headlineTier({ ...models, quadrant: "strategic" }, withHeadline("kaism"))).toBe("A");
  });
});

describe("key account mark", () => {
  const plain = { pyramid: "ordinary", valueClass: "ordinary", quadrant: "maintain" } as const;

  it("is set by pyramid VIP or key, value class most valuable, or KAISM strategic or develop", () => {
    expect(isKeyAccount({ ...plain, pyramid: "vip" })).toBe(true);
    expect(isKeyAccount({ ...plain, pyramid: "key" })).toBe(true);
    expect(isKeyAccount({ ...plain, valueClass: "most_valuable" })).toBe(true);
    expect(isKeyAccount({ ...plain, quadrant: "strategic" })).toBe(true);
    expect(isKeyAccount({ ...plain, quadrant: "develop" })).toBe(true);
  });

  it("is not set by anything else", () => {
    expect(isKeyAccount(plain)).toBe(false);
    expect(isKeyAccount({ ...plain, pyramid: "major", valueClass: "second_tier", quadrant: "opportunistic" })).toBe(
      false,
    );
  });
});

describe("tier order", () => {
  it("ranks A before B before C", () => {
    expect([tierRank("C"), tierRank("A"), tierRank("B")]).toEqual([2, 0, 1]);
  });
});
