// Bulk-loads a generated workspace from inside workerd: rows arrive as JSON arrays (made in Node, see
// bench/generate/encode.ts) and go in through json_each, so SQLite does the parsing; one transaction per body.
import { defaultConfig } from "../../shared/config";
import { decodeLines } from "../generate/encode";
import { COLUMNS } from "../generate/tables";
import { BENCH, type BenchWorkspace, repEmail, userId } from "../generate/workspace";
import type { Db, Stmt } from "./d1";

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The workspace, its admin and reps, the admin's API token and the default scoring configuration (version 1). */
export async function setupWorkspace(db: Db, w: BenchWorkspace): Promise<void> {
  const ws = w.workspaceId;
  const statements: Stmt[] = [
    db
      .prepare("INSERT INTO workspaces (id, name, active_config_version) VALUES (?, ?, 1)")
      .bind(ws, `Bench ${w.label}`),
    db
      .prepare("INSERT INTO users (id, workspace_id, email, name, role) VALUES (?, ?, ?, ?, 'admin')")
      .bind(w.adminId, ws, w.adminEmail, "Bench Admin"),
    db
      .prepare("INSERT INTO api_tokens (id, workspace_id, user_id, name, token_hash, prefix) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(w.adminId, ws, w.adminId, "bench", await sha256Hex(w.token), w.token.slice(0, 9)),
    db
      .prepare("INSERT INTO scoring_configs (workspace_id, version, config, created_by) VALUES (?, 1, ?, ?)")
      .bind(ws, JSON.stringify(defaultConfig()), w.adminId),
  ];
  for (let r = 0; r < BENCH.reps; r++) {
    statements.push(
      db
        .prepare("INSERT INTO users (id, workspace_id, email, name, role) VALUES (?, ?, ?, ?, 'rep')")
        .bind(userId(w, r), ws, repEmail(w, r), `Rep ${r}`),
    );
  }
  await db.batch(statements);
}

/** Writes an encoded body (bench/generate/encode.ts) in one transaction: one INSERT … SELECT FROM json_each(?)
 * per line, so SQLite parses the rows and the Worker only binds text. */
export async function loadEncoded(db: Db, workspaceId: string, body: string): Promise<{ statements: number }> {
  const statements = decodeLines(body).map(({ table, json }) => {
    const cols = COLUMNS[table];
    const sql = `INSERT INTO ${table} (workspace_id, ${cols.join(", ")}) SELECT ?1, ${cols
      .map((_, k) => `value->>${k}`)
      .join(", ")} FROM json_each(?2)`;
    return db.prepare(sql).bind(workspaceId, json);
  });
  await db.batch(statements);
  return { statements: statements.length };
}
