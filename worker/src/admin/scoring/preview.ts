// Live preview of a draft configuration: grade the workspace in memory under the draft and under the active one.
import { eq, sql } from "drizzle-orm";
import type { ScoringConfig } from "../../../../shared/config";
import { gradeWorkspace } from "../../../../shared/grade";
import type { Tier } from "../../../../shared/grade/types";
import { loadWorkspaceRecords } from "../../db/records";
import { grades } from "../../db/schema";
import type { Db } from "../../env";

export interface Mover {
  id: string;
  name: string;
  fromTier: Tier;
  toTier: Tier;
  fromScore: number;
  toScore: number;
}

export interface Preview {
  asOf: string;
  now: Record<Tier, number>;
  draft: Record<Tier, number>;
  movers: Mover[];
  moverCount: number;
}

const MOVERS_SHOWN = 50;
const RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

/** Grades as of the stored grades' date (else `today`), so "now" matches what people see. */
export async function previewDraft(
  db: Db,
  workspaceId: string,
  active: { config: ScoringConfig; version: number },
  draft: ScoringConfig,
  today: string,
): Promise<Preview> {
  const [[latest], records] = await Promise.all([
    db
      .select({ asOf: sql<string | null>`max(${grades.asOf})` })
      .from(grades)
      .where(eq(grades.workspaceId, workspaceId)),
    loadWorkspaceRecords(db, workspaceId),
  ]);
  const asOf = latest?.asOf ?? today;
  const before = gradeWorkspace({ ...records, config: active.config, configVersion: active.version, asOf });
  const after = gradeWorkspace({ ...records, config: draft, configVersion: "draft", asOf });
  const movers: Mover[] = [];
  after.customers.forEach((g, i) => {
    const old = before.customers[i];
    if (!old || old.tier === g.tier) return;
    const c = records.customers[i];
    movers.push({
      id: g.customerId,
      name: c?.name ?? g.customerId,
      fromTier: old.tier,
      toTier: g.tier,
      fromScore: old.score,
      toScore: g.score,
    });
  });
  // Biggest jumps first, then by name: the list an admin wants to sanity-check.
  movers.sort(
    (a, b) =>
      Math.abs(RANK[b.fromTier] - RANK[b.toTier]) - Math.abs(RANK[a.fromTier] - RANK[a.toTier]) ||
      a.name.localeCompare(b.name),
  );
  return {
    asOf,
    now: before.tierCounts,
    draft: after.tierCounts,
    movers: movers.slice(0, MOVERS_SHOWN),
    moverCount: movers.length,
  };
}
