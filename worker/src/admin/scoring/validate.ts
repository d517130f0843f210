// Checks a draft with the configuration schema (the rules parseScoringConfig applies) and words every problem for the reader.
import { type ScoringConfig, scoringConfigSchema } from "../../../../shared/config";
import type { Translate } from "../i18n";
import { problemsFromIssues } from "../lib/validation-text";
import type { Problems } from "../ui/form";

export type CheckedDraft = { ok: true; config: ScoringConfig } | { ok: false; problems: Problems };

/**
 * The draft as a valid configuration, or its problems keyed by dotted path in the reader's language. Uses the zod
 * issues themselves (not parseScoringConfig's English texts) so each message is built from its code and values.
 */
export function checkDraft(t: Translate, draft: ScoringConfig): CheckedDraft {
  const result = scoringConfigSchema.safeParse(draft);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: problemsFromIssues(t, result.error.issues) };
}
