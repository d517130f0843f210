// Validating a configuration an admin saved: either the config, or every problem with the path to fix.
import { type ScoringConfig, scoringConfigSchema } from "./schema";

export interface ConfigProblem {
  /** Dotted path, e.g. "scorecard.criteria.2.weight"; "" for the whole document. */
  path: string;
  message: string;
}

export type ParsedConfig = { ok: true; config: ScoringConfig } | { ok: false; problems: ConfigProblem[] };

/**
 * Checks shape and consistency (weights sum to 100, thresholds and cut-offs in order, known metrics…).
 * @example
 * parseScoringConfig(defaultConfig()) // { ok: true, config: {...} }
 * parseScoringConfig({ ...defaultConfig(), abc: { basis: "revenue", aPercent: 95, bPercent: 80 } })
 * // { ok: false, problems: [{ path: "abc.bPercent", message: "B cut-off must be above A cut-off" }] }
 */
export function parseScoringConfig(input: unknown): ParsedConfig {
  const result = scoringConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  };
}
