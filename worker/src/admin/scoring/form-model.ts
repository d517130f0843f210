// The scoring form ↔ configuration: fields are named by their dotted config path, so validation problems land beside them.
import {
  SCORECARD_TEMPLATES,
  type ScorecardTemplate,
  type ScoringConfig,
  scorecardTemplate,
} from "../../../../shared/config";

export type Body = Record<string, string | File | (string | File)[]>;

const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

/** Sets `value` at a dotted path that already exists in `target` (the form never adds structure). */
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
  if (typeof current === "number") node[last] = raw.trim() === "" ? Number.NaN : Number(raw);
  else if (typeof current === "string") node[last] = raw;
}

export const isTemplate = (x: unknown): x is ScorecardTemplate => SCORECARD_TEMPLATES.includes(x as ScorecardTemplate);

/**
 * The draft an admin typed: the active configuration (or, after picking a template, that template's
 * scorecard), with every posted field applied at its path. Unknown or structural fields are ignored.
 */
export function draftFromForm(active: ScoringConfig, body: Body): { draft: ScoringConfig; base: string } {
  const draft = structuredClone(active);
  const base = typeof body.base === "string" && isTemplate(body.base) ? body.base : "current";
  if (base !== "current") draft.scorecard = scorecardTemplate(base as ScorecardTemplate);
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== "string" || name.startsWith("_") || name === "base" || name === "intent") continue;
    setExisting(draft, name.split("."), value);
  }
  // Levels and bands were edited, so the scorecard is no longer a pristine template.
  if (JSON.stringify(draft.scorecard) !== JSON.stringify(active.scorecard) && base === "current") {
    draft.scorecard.template = "custom";
  }
  return { draft, base };
}

/** A configuration with `template`'s scorecard, the rest unchanged (the "load template" action). */
export function withTemplate(active: ScoringConfig, template: ScorecardTemplate): ScoringConfig {
  return { ...structuredClone(active), scorecard: scorecardTemplate(template) };
}
