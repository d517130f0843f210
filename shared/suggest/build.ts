// Building suggestions: default priorities, titles, and the frozen objects shared across customers.
import type { Suggestion, SuggestionCode, SuggestionPriority } from "../grade/types";

/** Default priority of each code: 1 act now … 5 when there is time. */
export const SUGGESTION_PRIORITY: Record<SuggestionCode, SuggestionPriority> = {
  "credit-hold": 1,
  "collect-overdue": 2,
  "reply-due": 1,
  "follow-up-overdue": 2,
  "grade-drop": 2,
  "churn-risk": 3,
  "follow-up-due": 3,
  "advance-opportunity": 3,
  "promote-key-account": 3,
  "find-decision-maker": 3,
  "verify-legal": 3,
  "qualify-need": 4,
  "qualify-budget": 4,
  "cross-sell": 4,
  "reduce-service": 4,
  "rate-criteria": 5,
};

export const TITLE_KEYS = Object.fromEntries(
  Object.keys(SUGGESTION_PRIORITY).map((c) => [c, `suggest.${c}`]),
) as Record<SuggestionCode, string>;

/** Titles without parameters are the same for every customer: one frozen object per code. */
export const BARE_TITLES = Object.fromEntries(
  Object.keys(SUGGESTION_PRIORITY).map((c) => [c, Object.freeze({ key: `suggest.${c}` })]),
) as Record<SuggestionCode, Suggestion["title"]>;

/**
 * One suggestion, built whole in one literal (due last, as before): a property added afterwards would give every
 * dated suggestion an out-of-object property store, and 100k customers keep their suggestions alive.
 * @example
 * make("collect-overdue", { overdueAmount: 500 }, { amount: 500, days: 20 }, "2026-03-01")
 * // { code: "collect-overdue", priority: 2, title: { key: "suggest.collect-overdue", params: {…} }, facts: {…}, due: "2026-03-01" }
 */
export function make(
  code: SuggestionCode,
  facts: Suggestion["facts"],
  params?: Record<string, string | number>,
  due?: string,
  priority: SuggestionPriority = SUGGESTION_PRIORITY[code],
): Suggestion {
  return titled(code, facts, params ? { key: TITLE_KEYS[code], params } : BARE_TITLES[code], due, priority);
}

/**
 * One suggestion with a ready title (a shared one, say), in one literal like `make`.
 * @example
 * titled("grade-drop", { from: "A", to: "B" }, { key: "suggest.grade-drop", params: { from: "A", to: "B" } }).priority // 2
 */
export function titled(
  code: SuggestionCode,
  facts: Suggestion["facts"],
  title: Suggestion["title"],
  due?: string,
  priority: SuggestionPriority = SUGGESTION_PRIORITY[code],
): Suggestion {
  return due === undefined ? { code, priority, title, facts } : { code, priority, title, facts, due };
}

/*
 * Grades of a whole workspace stay in memory together, so what repeats across customers is built once and shared
 * (frozen; grades are read and stored as JSON, never edited): titles whose one parameter is a day count or a date,
 * and whole suggestions whose facts are a few enumerated values. Same JSON, a tenth fewer objects to keep.
 */
const titles = new Map<SuggestionCode, Map<string | number, Suggestion["title"]>>();

/**
 * The inner map of `outer` at `key`, made on first use.
 * @example
 * inner(new Map<string, Map<number, string>>(), "a").set(1, "x") // the map now kept under "a"
 */
export function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = outer.get(key);
  if (!map) {
    map = new Map();
    outer.set(key, map);
  }
  return map;
}

/**
 * The title of `code` with its one parameter `name` = `value`, one frozen object per code and value.
 * @example
 * sharedTitle("follow-up-overdue", "days", 17) === sharedTitle("follow-up-overdue", "days", 17) // true
 */
export function sharedTitle(code: SuggestionCode, name: string, value: string | number): Suggestion["title"] {
  const byValue = inner(titles, code);
  let title = byValue.get(value);
  if (!title) {
    title = Object.freeze({ key: TITLE_KEYS[code], params: Object.freeze({ [name]: value }) });
    // Values repeat (days, dates); a bound keeps a run over odd data from growing it without end.
    if (byValue.size > 10_000) byValue.clear();
    byValue.set(value, title);
  }
  return title;
}

/**
 * A suggestion that depends only on a (and b), each from a small enumeration: built and frozen once per value.
 * @example
 * const needs = sharedSuggestion((need: string) => make("qualify-need", { need }));
 * needs("unknown") === needs("unknown") // true
 */
export function sharedSuggestion<A, B = undefined>(build: (a: A, b: B) => Suggestion): (a: A, b?: B) => Suggestion {
  const byA = new Map<A, Map<B | undefined, Suggestion>>();
  return (a, b) => {
    const byB = inner(byA, a);
    let s = byB.get(b);
    if (!s) {
      s = build(a, b as B);
      Object.freeze(s.facts);
      Object.freeze(s.title.params);
      Object.freeze(s.title);
      byB.set(b, Object.freeze(s));
    }
    return s;
  };
}
