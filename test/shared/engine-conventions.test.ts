// Meta-test: the scoring engine's folders keep the conventions of STYLE.md (one concept per folder, a one-line
// purpose, JSDoc with @example on exported functions, small files, a test per concept).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../shared");
const CONCEPTS = [
  "abc",
  "churn",
  "config",
  "credit",
  "dates",
  "facts",
  "funnel",
  "grade",
  "i18n",
  "kaism",
  "man",
  "moveup",
  "percentile",
  "pyramid",
  "relationship",
  "rfm",
  "scorecard",
  "service",
  "suggest",
  "tier",
  "value",
];
/** Concepts whose examples live in a neighbour's test file. */
const TESTED_IN: Record<string, string> = { relationship: "churn" };
/** Files other engineers own inside i18n/. */
const FOREIGN = /^(ui|admin)\./;

const filesOf = (concept: string) =>
  readdirSync(join(ROOT, concept)).filter((f) => f.endsWith(".ts") && !FOREIGN.test(f));

describe("engine conventions", () => {
  it.each(CONCEPTS)("%s/index.ts opens with a one-line comment saying what it is for", (concept) => {
    const first = readFileSync(join(ROOT, concept, "index.ts"), "utf8").split("\n")[0] ?? "";
    expect(first).toMatch(/^\/\/ \S.{10,}/);
  });

  it.each(CONCEPTS)("%s documents every exported function with an @example", (concept) => {
    const missing: string[] = [];
    for (const file of filesOf(concept)) {
      const text = readFileSync(join(ROOT, concept, file), "utf8");
      for (const m of text.matchAll(/^export function (\w+)/gm)) {
        const before = text.slice(0, m.index).trimEnd();
        const doc = before.endsWith("*/") ? before.slice(before.lastIndexOf("/**")) : "";
        if (!doc.includes("@example")) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(CONCEPTS)("%s keeps its files under 300 lines", (concept) => {
    const long = filesOf(concept).filter((f) => readFileSync(join(ROOT, concept, f), "utf8").split("\n").length > 300);
    expect(long).toEqual([]);
  });

  it.each(CONCEPTS)("%s has a test file", (concept) => {
    expect(existsSync(join(import.meta.dirname, `${TESTED_IN[concept] ?? concept}.test.ts`))).toBe(true);
  });

  it("reads no clock and does no I/O in the engine", () => {
    const offenders: string[] = [];
    for (const concept of CONCEPTS)
      for (const file of filesOf(concept)) {
        const text = readFileSync(join(ROOT, concept, file), "utf8");
        if (/Date\.now\(|new Date\(\)|fetch\(|from "node:|Math\.random\(/.test(text))
          offenders.push(`${concept}/${file}`);
      }
    expect(offenders).toEqual([]);
  });
});
