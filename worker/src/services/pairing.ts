// Pairing codes: how the extension connects. A code is made for a signed-in user, valid 10 minutes, used once.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { PairingCodeResponse, PairResponse } from "../../../shared/contract";
import { apiTokens, pairingCodes, users, workspaces } from "../db/schema";
import type { Caller, Db } from "../env";
import { normalisePairingCode, randomPairingCode, sha256Hex } from "../lib/crypto";
import { auditStatement } from "./audit";
import { newApiToken } from "./tokens";

export const PAIRING_CODE_TTL_MS = 10 * 60_000;

/** Makes a pairing code for the caller; only its hash is stored, the code is returned once. */
export async function createPairingCode(db: Db, caller: Caller, now = new Date()): Promise<PairingCodeResponse> {
  const code = randomPairingCode();
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
  await db.batch([
    db.insert(pairingCodes).values({
      id,
      workspaceId: caller.workspaceId,
      userId: caller.userId,
      codeHash: await sha256Hex(normalisePairingCode(code)),
      expiresAt,
    }),
    auditStatement(db, caller, "pairing_code.create", { type: "pairing_code", id }, { expiresAt }),
  ]);
  return { code, expiresAt };
}

/**
 * Redeems a code for an API token of its user: the code is marked used in one conditional UPDATE, so of two
 * concurrent redemptions only one wins. Returns null for an unknown, used or expired code, or a disabled user.
 */
export async function redeemPairingCode(db: Db, code: string, now = new Date()): Promise<PairResponse | null> {
  const normalised = normalisePairingCode(code);
  if (normalised.length < 6) return null;
  const codeHash = await sha256Hex(normalised);
  const nowIso = now.toISOString();
  const [used] = await db
    .update(pairingCodes)
    .set({ usedAt: nowIso })
    .where(and(eq(pairingCodes.codeHash, codeHash), isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, nowIso)))
    .returning({ id: pairingCodes.id, userId: pairingCodes.userId, workspaceId: pairingCodes.workspaceId });
  if (!used) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, workspaceName: workspaces.name })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.id, used.userId), eq(users.workspaceId, used.workspaceId), isNull(users.disabledAt)));
  if (!user) return null;
  const token = await newApiToken({ workspaceId: used.workspaceId, userId: user.id, name: "Browser extension" });
  const actor = { workspaceId: used.workspaceId, userId: user.id };
  await db.batch([
    db.insert(apiTokens).values(token.row),
    auditStatement(db, actor, "pairing_code.redeem", { type: "api_token", id: token.id }, { pairingCodeId: used.id }),
  ]);
  const { workspaceName, ...me } = user;
  return { token: token.token, user: me, workspace: { id: used.workspaceId, name: workspaceName } };
}
