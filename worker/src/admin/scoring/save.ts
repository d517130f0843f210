// Saving a configuration: a new version, made active, audited in the same batch; the caller then regrades.
import { eq, sql } from "drizzle-orm";
import type { ScoringConfig } from "../../../../shared/config";
import { scoringConfigs, workspaces } from "../../db/schema";
import type { Caller, Db } from "../../env";
import { auditStatement } from "../../services/audit";

/** Stores `config` as the next version and activates it; returns the version number. */
export async function saveConfigVersion(
  db: Db,
  caller: Caller,
  config: ScoringConfig,
  previous: number,
): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${scoringConfigs.version})` })
    .from(scoringConfigs)
    .where(eq(scoringConfigs.workspaceId, caller.workspaceId));
  const version = (row?.max ?? 0) + 1;
  await db.batch([
    db.insert(scoringConfigs).values({ workspaceId: caller.workspaceId, version, config, createdBy: caller.userId }),
    db.update(workspaces).set({ activeConfigVersion: version }).where(eq(workspaces.id, caller.workspaceId)),
    auditStatement(
      db,
      caller,
      "scoring.update",
      { type: "scoring_config", id: String(version) },
      { from: previous, to: version, template: config.scorecard.template, headline: config.headline },
    ),
  ]);
  return version;
}
