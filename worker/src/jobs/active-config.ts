// The scoring configuration a workspace grades with: its active stored version, else the engine's defaults.
import { and, eq } from "drizzle-orm";
import { defaultConfig, parseScoringConfig, type ScoringConfig } from "../../../shared/config";
import { scoringConfigs, workspaces } from "../db/schema";
import type { Db } from "../env";
import { ApiError, notFound } from "../lib/errors";

/** Version 0 names the built-in defaults (no stored configuration yet). */
export const DEFAULT_CONFIG_VERSION = 0;

export async function loadActiveConfig(
  db: Db,
  workspaceId: string,
): Promise<{ config: ScoringConfig; version: number }> {
  const [workspace] = await db
    .select({ version: workspaces.activeConfigVersion })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw notFound("workspace");
  if (workspace.version === null) return { config: defaultConfig(), version: DEFAULT_CONFIG_VERSION };
  const [row] = await db
    .select({ config: scoringConfigs.config })
    .from(scoringConfigs)
    .where(and(eq(scoringConfigs.workspaceId, workspaceId), eq(scoringConfigs.version, workspace.version)));
  if (!row) throw new ApiError(409, "config_missing", `Scoring configuration version ${workspace.version} is missing.`);
  const parsed = parseScoringConfig(row.config);
  if (!parsed.ok) {
    throw new ApiError(
      409,
      "config_invalid",
      `Scoring configuration version ${workspace.version} is not valid; save a corrected one.`,
      parsed.problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }
  return { config: parsed.config, version: workspace.version };
}
