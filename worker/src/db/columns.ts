// Column helpers every table of the schema shares: the creation time and the owning workspace.
import { sql } from "drizzle-orm";
import { text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";

/** SQLite's current time as an ISO timestamp (UTC, milliseconds). */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** When the row was made (ISO timestamp, UTC), set by SQLite. */
export const createdAt = () => text("created_at").notNull().default(now);

/** The workspace the row belongs to; deleting the workspace deletes the row. */
export const workspaceId = () =>
  text("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });
