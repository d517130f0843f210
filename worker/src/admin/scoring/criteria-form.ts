// The scorecard's criteria as the editor posts them: `scorecard.criteria.<i>.<field>`, rebuilt into a list.
import type { Criterion, Metric } from "../../../../shared/config";
import { CUSTOMER_NATURES } from "../../../../shared/records";

export type Body = Record<string, string | File | (string | File)[]>;

const PREFIX = "scorecard.criteria.";
const CREDIT_RATINGS = ["good", "fair", "unknown", "watch", "hold"] as const;
/** The kinds the editor knows how to show; a posted criterion of another kind is dropped. */
export const CRITERION_KINDS = ["manual", "percentile", "bands", "credit", "growth", "nature"] as const;
type Kind = (typeof CRITERION_KINDS)[number];

/** A typed number field: empty stays empty (NaN) so validation says "enter a number" instead of guessing 0. */
export const toNumber = (raw: string | undefined): number =>
  raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);

/** The indexes present under `prefix` (e.g. every `<i>` of `scorecard.criteria.<i>.kind`), in order. */
function indexes(fields: Map<string, string>, prefix: string, suffix: string): number[] {
  const found = new Set<number>();
  for (const name of fields.keys()) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    const middle = name.slice(prefix.length, name.length - suffix.length);
    if (/^\d{1,3}$/.test(middle)) found.add(Number(middle));
  }
  return [...found].sort((a, b) => a - b);
}

function criterionAt(fields: Map<string, string>, at: string, kind: Kind): Criterion {
  const str = (name: string) => fields.get(`${at}.${name}`) ?? "";
  const num = (name: string) => toNumber(fields.get(`${at}.${name}`));
  const label = str("label").trim();
  const base = { id: str("id").trim(), weight: num("weight"), ...(label ? { label } : {}) };
  const metric = str("metric") as Metric;
  switch (kind) {
    case "manual":
      return {
        ...base,
        kind,
        levels: indexes(fields, `${at}.levels.`, ".id").map((j) => ({
          id: str(`levels.${j}.id`).trim(),
          points: num(`levels.${j}.points`),
        })),
      };
    case "percentile":
      return { ...base, kind, metric };
    case "bands":
      return {
        ...base,
        kind,
        metric,
        bands: indexes(fields, `${at}.bands.`, ".from").map((j) => ({
          from: num(`bands.${j}.from`),
          points: num(`bands.${j}.points`),
        })),
      };
    case "credit":
      return {
        ...base,
        kind,
        percentOfWeight: Object.fromEntries(CREDIT_RATINGS.map((r) => [r, num(`percentOfWeight.${r}`)])) as Record<
          (typeof CREDIT_RATINGS)[number],
          number
        >,
      };
    case "growth":
      return { ...base, kind, fullAtPercent: num("fullAtPercent"), noHistoryPercent: num("noHistoryPercent") };
    case "nature":
      return {
        ...base,
        kind,
        points: Object.fromEntries(CUSTOMER_NATURES.map((n) => [n, num(`points.${n}`)])) as Record<
          (typeof CUSTOMER_NATURES)[number],
          number
        >,
      };
  }
}

/** The hidden field that says "this form carries the whole list of criteria" (so an emptied list stays empty). */
export const CRITERIA_MARKER = "_criteria";

/**
 * The criteria posted by the editor, in their order; `undefined` when the form does not carry the list (a bare
 * POST), so the caller keeps the base scorecard's.
 */
export function criteriaFromForm(body: Body): Criterion[] | undefined {
  if (body[CRITERIA_MARKER] !== "1") return undefined;
  const fields = new Map<string, string>();
  for (const [name, value] of Object.entries(body)) if (typeof value === "string") fields.set(name, value);
  return indexes(fields, PREFIX, ".kind").flatMap((i) => {
    const kind = fields.get(`${PREFIX}${i}.kind`) as Kind;
    return CRITERION_KINDS.includes(kind) ? [criterionAt(fields, `${PREFIX}${i}`, kind)] : [];
  });
}
