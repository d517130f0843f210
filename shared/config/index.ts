// The workspace scoring configuration: schema, defaults, shipped scorecards and validation.
export { defaultConfig } from "./defaults";
export { type ConfigProblem, type ParsedConfig, parseScoringConfig } from "./parse";
export {
  type Criterion,
  HEADLINE_MODELS,
  KAISM_ATTRACTIVENESS_FACTORS,
  KAISM_STRENGTH_FACTORS,
  METRICS,
  type Metric,
  type Scorecard,
  type ScoringConfig,
  scoringConfigSchema,
} from "./schema";
export { SCORECARD_TEMPLATES, type ScorecardTemplate, scorecardTemplate } from "./templates";
