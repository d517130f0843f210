// The grade content hash (hash53) in the Workers runtime: stable for the same text, changed by any one-character
// edit of a real grade's JSON (ASCII or Chinese, at any position, incl. the 1–3 bytes past the last whole word),
// and unaffected by the size of the text hashed before it (the byte buffer is reused and grows).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../shared/config";
import { gradeWorkspace } from "../../shared/grade";
import { hash53 } from "../../worker/src/jobs/grade-rows";

const grade = gradeWorkspace({
  customers: [
    {
      id: "c1",
      name: "华东贸易有限公司",
      kind: "enterprise",
      nature: "private",
      industry: "制造",
      region: null,
      ownerId: null,
      lifecycleStage: "signed",
      legalVerified: true,
      creditLimit: 5_000_000,
      wallet: null,
      serviceCost: null,
      ratings: {},
      attributes: {},
    },
  ],
  contacts: [],
  orders: [{ customerId: "c1", date: "2026-02-01", amount: 1_250_000, cost: 900_000, product: "阀门", quantity: 3 }],
  invoices: [{ customerId: "c1", dueDate: "2026-01-10", amount: 700_000, paidDate: null, paidAmount: null }],
  interactions: [],
  opportunities: [],
  config: defaultConfig(),
  configVersion: 3,
  asOf: "2026-03-01",
}).customers[0];
const json = JSON.stringify(grade);

describe("grade hash", () => {
  it("is the same for the same text and a 53-bit base-36 number", () => {
    expect(hash53(json)).toBe(hash53(`${json}`));
    expect(Number.parseInt(hash53(json), 36)).toBeLessThan(2 ** 53);
  });

  it("changes with any one-character edit of a grade's JSON, wherever it is", () => {
    const seen = new Set([hash53(json)]);
    for (let i = 0; i < json.length; i++) {
      const edited = json.slice(0, i) + (json[i] === "1" ? "2" : "1") + json.slice(i + 1);
      seen.add(hash53(edited));
    }
    expect(seen.size).toBe(json.length + 1);
  });

  it("tells apart texts that differ only in their last bytes or their length", () => {
    const texts = ["", "a", "a ", "a\u0000", "ab", "abc", "abcd", "abcde", "价", "价格", "价格a"];
    expect(new Set(texts.map(hash53)).size).toBe(texts.length);
  });

  it("answers the same for a small text before and after hashing a much larger one", () => {
    const before = hash53(json);
    const big = json.repeat(200);
    const bigHash = hash53(big);
    expect(hash53(json)).toBe(before);
    expect(hash53(big)).toBe(bigHash);
  });

  it("differs for any two different strings fast-check finds (Unicode included)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.string({ unit: "grapheme", maxLength: 60 }),
        (a, b) => {
          fc.pre(a !== b);
          expect(hash53(a)).not.toBe(hash53(b));
        },
      ),
    );
  });
});
