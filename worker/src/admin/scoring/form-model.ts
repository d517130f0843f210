// The scoring form ↔ configuration: fields are named by their dotted config path, so validation problems land beside them.
import {
  SCORECARD_TEMPLATES,
  type Scorecard,
  type ScorecardTemplate,
  type ScoringConfig,
  scorecardTemplate,
} from "../../../../shared/config";
import { type Body, criteriaFromForm, toNumber } from "./criteria-form";

export type { Body };

const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

/** Sets `value` at a dotted path that already exists in `target` (these fields never add structure). */
function setExisting(target: unknown, path: string[], raw: string): void {
  let node = target as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    if (FORBIDDEN.has(key) || node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return;
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (FORBIDDEN.has(last) || node === null || typeof node !== "object" || !Object.hasOwn(node, last)) return;
  const current = node[last];
  if (typeof current === "number") node[last] = toNumber(raw);
  else if (typeof current === "string") node[last] = raw;
}

export const isTemplate = (x: unknown): x is ScorecardTemplate => SCORECARD_TEMPLATES.includes(x as ScorecardTemplate);

const sameScorecard = (a: Scorecard, b: Scorecard) =>
  JSON.stringify([a.criteria, a.thresholds]) === JSON.stringify([b.criteria, b.thresholds]);

/**
 * The draft an admin typed: the active configuration (or, after picking a template, that template's scorecard)
 * with every posted field applied at its path, and the criteria list as posted (added and removed ones included).
 */
export function draftFromForm(active: ScoringConfig, body: Body): { draft: ScoringConfig; base: string } {
  const base = typeof body.base === "string" && isTemplate(body.base) ? body.base : "current";
  const start = base === "current" ? active.scorecard : scorecardTemplate(base);
  const draft: ScoringConfig = { ...structuredClone(active), scorecard: structuredClone(start) };
  const posted = criteriaFromForm(body);
  if (posted) draft.scorecard.criteria = posted;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== "string" || name.startsWith("_") || name === "base" || name === "intent") continue;
    if (posted && name.startsWith("scorecard.criteria.")) continue;
    setExisting(draft, name.split("."), value);
  }
  // Once criteria, levels, bands or thresholds differ from where the admin started, it is their own scorecard.
  draft.scorecard.template = sameScorecard(draft.scorecard, start) ? start.template : "custom";
  return { draft, base };
}

/** A configuration with `template`'s scorecard, the rest unchanged (the "load template" action). */
export function withTemplate(active: ScoringConfig, template: ScorecardTemplate): ScoringConfig {
  return { ...structuredClone(active), scorecard: scorecardTemplate(template) };
}
