// Bearer-token authentication for /api/v1 and the role guard every route uses.
//
// Raw D1 (no drizzle) on purpose: every API request passes here. POST /lookup verifies the token inside its own
// single statement with the same TOKEN_ROW_FROM / TOKEN_ROW_COLUMNS, so what counts as a valid token is
// defined once, below.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Caller, Role } from "../env";
import { sha256Hex } from "../lib/crypto";
import { forbidden, unauthorized } from "../lib/errors";

/** last_used_at is written at most once a minute per token, off the request's critical path. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The valid token with hash `?1`: not revoked, its user not disabled, joined to its workspace. SQL text only;
 * aliases t (api_tokens), u (users), w (workspaces).
 */
export const TOKEN_ROW_FROM = `api_tokens t JOIN users u ON u.id = t.user_id JOIN workspaces w ON w.id = t.workspace_id
  WHERE t.token_hash = ?1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`;

/** The columns `tokenRow` reads, in this order. */
export const TOKEN_ROW_COLUMNS = "t.id, t.last_used_at, u.id, u.email, u.name, u.role, w.id, w.name, w.currency";

/** A raw row of TOKEN_ROW_COLUMNS (D1 `.raw()`), possibly followed by more columns. */
export type TokenRow = readonly unknown[];

/** The caller and the token's last use from a row of TOKEN_ROW_COLUMNS starting at `at`. */
export function tokenRow(row: TokenRow, at = 0): { caller: Caller; lastUsedAt: string | null } {
  const col = (k: number) => row[at + k] as string;
  // Same keys, in the same order, as the caller this middleware has always set.
  const caller: Caller = {
    tokenId: col(0),
    userId: col(2),
    email: col(3),
    name: col(4),
    role: col(5) as Role,
    workspaceId: col(6),
    workspaceName: col(7),
    currency: col(8),
  };
  return { caller, lastUsedAt: row[at + 1] as string | null };
}

/** SHA-256 of the bearer token in the Authorization header; 401 when there is none. */
export async function bearerTokenHash(c: Context<AppEnv>): Promise<string> {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized();
  return sha256Hex(match[1]);
}

/** The 401 for a token that is unknown, revoked, or whose user is disabled. */
export const invalidToken = () => unauthorized("The API token is unknown, revoked, or its user is disabled.");

/** Records the token's use when the stored last use is older than a minute (in the background when it can). */
export async function touchToken(c: Context<AppEnv>, tokenId: string, lastUsedAt: string | null): Promise<void> {
  const now = Date.now();
  if (!(!lastUsedAt || now - Date.parse(lastUsedAt) > LAST_USED_RESOLUTION_MS)) return;
  const write = c.env.DB.prepare("UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2")
    .bind(new Date(now).toISOString(), tokenId)
    .run();
  try {
    c.executionCtx.waitUntil(write.then(() => undefined));
  } catch {
    await write; // no execution context (tests through app.request)
  }
}

/** Verifies the bearer token (one D1 query), sets `caller` and records the use; 401 otherwise. */
export async function authenticate(c: Context<AppEnv>): Promise<Caller> {
  const tokenHash = await bearerTokenHash(c);
  const rows = await c.env.DB.prepare(`SELECT ${TOKEN_ROW_COLUMNS} FROM ${TOKEN_ROW_FROM} LIMIT 1`)
    .bind(tokenHash)
    .raw();
  const row = rows[0];
  if (!row) throw invalidToken();
  const { caller, lastUsedAt } = tokenRow(row);
  c.set("caller", caller);
  await touchToken(c, caller.tokenId as string, lastUsedAt);
  return caller;
}

export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  await authenticate(c);
  await next();
});

/** Allows only the listed roles; everyone else gets 403. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.caller.role)) throw forbidden();
    await next();
  });
