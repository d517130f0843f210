// Bearer-token authentication for /api/v1 and the role guard every route uses.
import { and, eq, isNull } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { apiTokens, users, workspaces } from "../db/schema";
import type { AppEnv, Role } from "../env";
import { sha256Hex } from "../lib/crypto";
import { forbidden, unauthorized } from "../lib/errors";

/** last_used_at is written at most once a minute per token, off the request's critical path. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized();
  const tokenHash = await sha256Hex(match[1]);
  const db = c.var.db;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      currency: workspaces.currency,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(workspaces, eq(workspaces.id, apiTokens.workspaceId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row) throw unauthorized("The API token is unknown, revoked, or its user is disabled.");
  const { lastUsedAt, ...caller } = row;
  c.set("caller", caller);
  const now = Date.now();
  if (!lastUsedAt || now - Date.parse(lastUsedAt) > LAST_USED_RESOLUTION_MS) {
    const write = db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(now).toISOString() })
      .where(eq(apiTokens.id, row.tokenId));
    try {
      c.executionCtx.waitUntil(write.then(() => undefined));
    } catch {
      await write; // no execution context (tests through app.request)
    }
  }
  await next();
});

/** Allows only the listed roles; everyone else gets 403. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.caller.role)) throw forbidden();
    await next();
  });
