// The editor's structural buttons (add, remove or move a criterion, add or remove a level, a band): each edits the draft and re-renders it.
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
  | { type: "moveCriterion"; i: number; by: -1 | 1 }
  | { type: "addLevel"; i: number }
  | { type: "removeLevel"; i: number; j: number }
  | { type: "addBand"; i: number }
  | { type: "removeBand"; i: number; j: number };

/** The intent of the button that moves criterion `i` one place up (`by` -1, shown earlier) or down (+1). */
export const moveIntent = (i: number, by: -1 | 1): string => `${by < 0 ? "move-up" : "move-down"}:${i}`;

/**
 * The submit button pressed: `preview`, `save`, `add-criterion`, `remove:<i>`, `move-up:<i>`, `move-down:<i>`,
 * `add-level:<i>`, `remove-level:<i>:<j>`, `add-band:<i>`, `remove-band:<i>:<j>`; anything else previews.
 */
export function parseIntent(raw: unknown): Intent {
  const value = typeof raw === "string" ? raw : "";
  if (value === "save") return { type: "save" };
  if (value === "add-criterion") return { type: "addCriterion" };
  const m = /^(remove|move-up|move-down|add-level|remove-level|add-band|remove-band):(\d{1,3})(?::(\d{1,3}))?$/.exec(
    value,
  );
  if (!m) return { type: "preview" };
  const i = Number(m[2]);
  const j = Number(m[3] ?? 0);
  if (m[1] === "remove") return { type: "removeCriterion", i };
  if (m[1] === "move-up") return { type: "moveCriterion", i, by: -1 };
  if (m[1] === "move-down") return { type: "moveCriterion", i, by: 1 };
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

/**
 * Swaps criterion `i` with its neighbour `by` places away (the order customers see in every explanation); returns
 * the button to focus next, the same one at its new place so a keyboard user can keep pressing it, or the other
 * direction's once it has reached an end. At an end (or a stale index) nothing moves.
 */
function moveCriterion(list: Criterion[], i: number, by: -1 | 1): string | undefined {
  const to = i + by;
  const moving = list[i];
  const other = list[to];
  if (!moving || !other) return undefined;
  list[to] = moving;
  list[i] = other;
  const atEnd = by < 0 ? to === 0 : to === list.length - 1;
  return moveIntent(to, atEnd ? (-by as -1 | 1) : by);
}

/**
 * Applies a structural intent to `draft` in place; returns what to focus afterwards, if anything: a field's name,
 * or a move button's intent.
 */
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
    case "moveCriterion":
      return moveCriterion(list, intent.i, intent.by);
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
