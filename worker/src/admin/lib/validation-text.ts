// Validation messages in the reader's language: zod issues by their code, known English texts by pattern.
import type { z } from "zod";
import type { Translate } from "../i18n";
import type { Problems } from "../ui/form";
import { OUR_RULES, type Rule, ZOD_RULES } from "./validation-patterns";

type Issue = z.core.$ZodIssue;

function byRules(t: Translate, rules: Rule[], message: string): string | undefined {
  for (const [pattern, key, params] of rules) {
    const m = pattern.exec(message);
    if (m) return t(key, params?.(m));
  }
  return undefined;
}

/**
 * A message that reached us as English text only (an API error detail, an import row error): translated when it
 * is one we know, else shown as it came.
 * @example
 * messageText(translator("zh-CN"), "weights sum to 120, not 100") // "权重合计为 120，应为 100。"
 */
export function messageText(t: Translate, message: string): string {
  return byRules(t, OUR_RULES, message) ?? byRules(t, ZOD_RULES, message) ?? message;
}

const SIZED = new Set(["array", "set", "map", "file"]);

function sizeText(t: Translate, issue: Issue & { code: "too_small" | "too_big" }): string {
  const small = issue.code === "too_small";
  const bound = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string") {
    if (small && bound === 1) return t("valid.required");
    return small ? t("valid.tooShort", { min: bound }) : t("valid.tooLong", { max: bound });
  }
  if (SIZED.has(issue.origin))
    return small ? t("valid.fewItems", { min: bound }) : t("valid.manyItems", { max: bound });
  const inclusive = issue.inclusive !== false;
  if (small) return t(inclusive ? "valid.min" : "valid.minExclusive", { min: bound });
  return t(inclusive ? "valid.max" : "valid.maxExclusive", { max: bound });
}

function typeText(t: Translate, issue: Issue & { code: "invalid_type" }): string {
  // zod keeps no input in issues; its own text is where "missing" shows.
  if (/received undefined$/.test(issue.message)) return t("valid.required");
  if (issue.expected === "number") return t("valid.number");
  if (issue.expected === "int") return t("valid.integer");
  if (issue.expected === "string") return t("valid.text");
  return t("valid.type", { expected: issue.expected });
}

function formatText(t: Translate, issue: Issue & { code: "invalid_format" }): string {
  if (issue.format === "email") return t("valid.email");
  if (issue.format === "date") return t("valid.date");
  if (issue.format === "datetime") return t("valid.datetime");
  return t("valid.format");
}

const listOf = (values: readonly unknown[]) => values.map(String).join(", ");

/** One zod issue in the reader's language: our own custom texts first (they are more precise), then by code. */
export function issueText(t: Translate, issue: Issue): string {
  const ours = byRules(t, OUR_RULES, issue.message);
  if (ours) return ours;
  switch (issue.code) {
    case "too_small":
    case "too_big":
      return sizeText(t, issue);
    case "invalid_type":
      return typeText(t, issue);
    case "invalid_format":
      return formatText(t, issue);
    case "invalid_value":
      return t("valid.oneOf", { values: listOf(issue.values) });
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      return options?.length ? t("valid.oneOf", { values: listOf(options) }) : t("valid.invalid");
    }
    case "not_multiple_of":
      return t("valid.multipleOf", { n: Number(issue.divisor) });
    case "unrecognized_keys":
      return t("valid.unknownKeys", { keys: issue.keys.join(", ") });
    default:
      return messageText(t, issue.message);
  }
}

/** Problems keyed by dotted path, one (the first) per field, in the reader's language. */
export function problemsFromIssues(t: Translate, issues: readonly Issue[], prefix = ""): Problems {
  const problems: Problems = {};
  for (const issue of issues) problems[prefix + issue.path.map(String).join(".")] ??= issueText(t, issue);
  return problems;
}
