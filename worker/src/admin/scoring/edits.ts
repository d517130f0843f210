// The editor's structural buttons (add or remove a criterion, a level, a band): each edits the draft and re-renders it.
import { type Criterion, METRICS, type Metric, type ScoringConfig } from "../../../../shared/config";
import { type Body, toNumber } from "./criteria-form";

/** The kinds an admin can add; credit, growth and nature come with the templates. */
export const NEW_KINDS = ["manual", "percentile", "bands"] as const;
export type NewKind = (typeof NEW_KINDS)[number];

export type Intent =
  | { type: "preview" }
  | { type: "save" }
  | { type: "addCriterion" }
  | { type: "removeCriterion"; i: number }
  | { type: "addLevel"; i: number }
  | { type: "removeLevel"; i: number; j: number }
  | { type: "addBand"; i: number }
  | { type: "removeBand"; i: number; j: number };

/**
 * The submit button pressed: `preview`, `save`, `add-criterion`, `remove:<i>`, `add-level:<i>`,
 * `remove-level:<i>:<j>`, `add-band:<i>`, `remove-band:<i>:<j>`; anything else previews.
 */
export function parseIntent(raw: unknown): Intent {
  const value = typeof raw === "string" ? raw : "";
  if (value === "save") return { type: "save" };
  if (value === "add-criterion") return { type: "addCriterion" };
  const m = /^(remove|add-level|remove-level|add-band|remove-band):(\d{1,3})(?::(\d{1,3}))?$/.exec(value);
  if (!m) return { type: "preview" };
  const i = Number(m[2]);
  const j = Number(m[3] ?? 0);
  if (m[1] === "remove") return { type: "removeCriterion", i };
  if (m[1] === "add-level") return { type: "addLevel", i };
  if (m[1] === "add-band") return { type: "addBand", i };
  if (m[1] === "remove-level" && m[3] !== undefined) return { type: "removeLevel", i, j };
  if (m[1] === "remove-band" && m[3] !== undefined) return { type: "removeBand", i, j };
  return { type: "preview" };
}

const text = (body: Body, name: string) => (typeof body[name] === "string" ? (body[name] as string).trim() : "");

/** A new criterion from the "Add a criterion" fields: manual starts with one level, bands with one band. */
export function newCriterion(body: Body): Criterion {
  const kind = NEW_KINDS.find((k) => k === text(body, "new.kind")) ?? "manual";
  const label = text(body, "new.label");
  const weightRaw = text(body, "new.weight");
  const base = { id: text(body, "new.id"), weight: weightRaw ? toNumber(weightRaw) : 0, ...(label ? { label } : {}) };
  const metric = (METRICS.find((m) => m === text(body, "new.metric")) ?? "revenue") as Metric;
  if (kind === "percentile") return { ...base, kind, metric };
  if (kind === "bands") return { ...base, kind, metric, bands: [{ from: 0, points: 0 }] };
  return { ...base, kind, levels: [{ id: "", points: 0 }] };
}

/** Applies a structural intent to `draft` in place; returns the field name to focus afterwards, if any. */
export function applyEdit(draft: ScoringConfig, intent: Intent, body: Body): string | undefined {
  const list = draft.scorecard.criteria;
  const at = (i: number) => `scorecard.criteria.${i}`;
  switch (intent.type) {
    case "addCriterion":
      list.push(newCriterion(body));
      return `${at(list.length - 1)}.id`;
    case "removeCriterion":
      list.splice(intent.i, 1);
      return undefined;
    case "addLevel": {
      const c = list[intent.i];
      if (c?.kind !== "manual") return undefined;
      c.levels.push({ id: "", points: 0 });
      return `${at(intent.i)}.levels.${c.levels.length - 1}.id`;
    }
    case "removeLevel": {
      const c = list[intent.i];
      if (c?.kind === "manual") c.levels.splice(intent.j, 1);
      return undefined;
    }
    case "addBand": {
      const c = list[intent.i];
      if (c?.kind !== "bands") return undefined;
      const last = c.bands[c.bands.length - 1];
      c.bands.push({ from: last && Number.isFinite(last.from) ? last.from + 1 : 0, points: 0 });
      return `${at(intent.i)}.bands.${c.bands.length - 1}.from`;
    }
    case "removeBand": {
      const c = list[intent.i];
      if (c?.kind === "bands") c.bands.splice(intent.j, 1);
      return undefined;
    }
    default:
      return undefined;
  }
}
