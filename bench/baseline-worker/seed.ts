// Bulk-loads a generated workspace from inside workerd: rows go in as one JSON array per statement through
// json_each, so SQLite does the parsing and each slice is a single transaction (db.batch).
import { defaultConfig } from "../../shared/config";
import { COLUMNS, type Row, type TableName } from "../generate/tables";
import { BENCH, type BenchWorkspace, generateSlice, repEmail, userId } from "../generate/workspace";
import type { Db, Stmt } from "./d1";

/** Characters of JSON per INSERT statement: local D1 refuses a bound text much over 1 MB (SQLITE_TOOBIG). */
const MAX_JSON_CHARS = 900_000;

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

/** INSERT … SELECT FROM json_each(?): one statement per MAX_JSON_CHARS of rows of `table`. */
export function insertStatements(db: Db, table: TableName, rows: Row[], workspaceId: string): Stmt[] {
  const cols = COLUMNS[table];
  const sql = `INSERT INTO ${table} (workspace_id, ${cols.join(", ")}) SELECT ?1, ${cols
    .map((_, k) => `value->>${k}`)
    .join(", ")} FROM json_each(?2)`;
  const out: Stmt[] = [];
  let chunk: string[] = [];
  let chars = 0;
  const flush = () => {
    if (chunk.length > 0) out.push(db.prepare(sql).bind(workspaceId, `[${chunk.join(",")}]`));
    chunk = [];
    chars = 0;
  };
  for (const row of rows) {
    const text = JSON.stringify(row);
    if (chars + text.length + 1 > MAX_JSON_CHARS) flush();
    chunk.push(text);
    chars += text.length + 1;
  }
  flush();
  return out;
}

/** Generates customers [from, to) with every dependent row and writes them in one transaction. */
export async function loadSlice(
  db: Db,
  w: BenchWorkspace,
  seed: number,
  from: number,
  to: number,
): Promise<Record<string, number>> {
  const rows = generateSlice(w, seed, from, to);
  const statements: Stmt[] = [];
  const counts: Record<string, number> = {};
  for (const table of Object.keys(COLUMNS) as TableName[]) {
    counts[table] = rows[table].length;
    statements.push(...insertStatements(db, table, rows[table], w.workspaceId));
  }
  await db.batch(statements);
  return counts;
}
