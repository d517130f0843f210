// API tokens: issued with the raw token returned once (only its SHA-256 stored), listed, and revoked.
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens, users } from "../db/schema";
import type { Caller, Db } from "../env";
import { randomSecret, sha256Hex } from "../lib/crypto";
import { notFound } from "../lib/errors";
import { auditStatement } from "./audit";

export const TOKEN_PREFIX = "tl_";

/** A new token and the row that stores it, for callers that write it inside a larger `db.batch`. */
export async function newApiToken(input: { workspaceId: string; userId: string; name: string }) {
  const token = randomSecret(32, TOKEN_PREFIX);
  const id = crypto.randomUUID();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = { id, ...input, tokenHash: await sha256Hex(token), prefix };
  return { id, token, prefix, row };
}

/** Creates a token for `userId` and returns its id and the raw token (never retrievable again). */
export async function issueApiToken(
  db: Db,
  input: { workspaceId: string; userId: string; name: string },
): Promise<{ id: string; token: string; prefix: string }> {
  const { id, token, prefix, row } = await newApiToken(input);
  await db.insert(apiTokens).values(row);
  return { id, token, prefix };
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  userId: apiTokens.userId,
  userEmail: users.email,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** The caller's tokens, or every token of the workspace for an admin; newest first. */
export async function listTokens(db: Db, caller: Caller) {
  const scope = eq(apiTokens.workspaceId, caller.workspaceId);
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(caller.role === "admin" ? scope : and(scope, eq(apiTokens.userId, caller.userId)))
    .orderBy(desc(apiTokens.createdAt), apiTokens.id);
}

/** Issues a token for the caller themself (audited); the raw token is in the answer only. */
export async function createTokenForCaller(db: Db, caller: Caller, name: string) {
  const { id, token, row } = await newApiToken({ workspaceId: caller.workspaceId, userId: caller.userId, name });
  await db.batch([
    db.insert(apiTokens).values(row),
    auditStatement(db, caller, "token.create", { type: "api_token", id }, { name, userId: caller.userId }),
  ]);
  const [created] = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.id, id));
  if (!created) throw new Error("token vanished after insert");
  return { ...created, token };
}

/** Revokes a token of the caller (any of the workspace for an admin); another's or unknown → 404. Idempotent. */
export async function revokeToken(db: Db, caller: Caller, tokenId: string): Promise<void> {
  const scope = and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, caller.workspaceId));
  const where = caller.role === "admin" ? scope : and(scope, eq(apiTokens.userId, caller.userId));
  const [token] = await db.select({ id: apiTokens.id, userId: apiTokens.userId }).from(apiTokens).where(where);
  if (!token) throw notFound("token");
  await db.batch([
    db
      .update(apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt))),
    auditStatement(db, caller, "token.revoke", { type: "api_token", id: token.id }, { userId: token.userId }),
  ]);
}
