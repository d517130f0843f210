// The workspace's data version: bumped whenever grades, contacts, domains or ownership change (the lookup ETag uses it).
import { eq, sql } from "drizzle-orm";
import { workspaces } from "../db/schema";
import type { Db } from "../env";

/** The UPDATE that bumps the version, unexecuted, for the same `db.batch` as the change. */
export function bumpDataVersion(db: Db, workspaceId: string) {
  return db
    .update(workspaces)
    .set({ dataVersion: sql`${workspaces.dataVersion} + 1` })
    .where(eq(workspaces.id, workspaceId));
}
