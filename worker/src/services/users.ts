// User management for admins (API and admin UI): list, create, rename, change role, set password, disable / enable.
import { and, count, eq, isNull, ne } from "drizzle-orm";
import type { CreateUserRequest, UpdateUserRequest, User } from "../../../shared/contract";
import { runBatch } from "../db/batch";
import { apiTokens, pairingCodes, sessions, users } from "../db/schema";
import type { Caller, Db } from "../env";
import { hashPassword } from "../lib/crypto";
import { conflict, notFound } from "../lib/errors";
import { auditStatement } from "./audit";
import { emailTaken, isUserEmailConflict } from "./workspaces";

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};
type UserRow = {
  id: string;
  email: string;
  name: string;
  role: User["role"];
  disabledAt: string | null;
  createdAt: string;
};

const toUser = ({ disabledAt, ...u }: UserRow): User => ({ ...u, disabled: disabledAt !== null });

/** Every user of the workspace, by name. */
export async function listUsers(db: Db, workspaceId: string): Promise<User[]> {
  const rows = await db.select(userColumns).from(users).where(eq(users.workspaceId, workspaceId)).orderBy(users.name);
  return rows.map(toUser);
}

/** One user of the workspace, or 404. */
export async function getUser(db: Db, workspaceId: string, userId: string): Promise<User> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId)));
  if (!row) throw notFound("user");
  return toUser(row);
}

/** Creates a user in the caller's workspace (audited). A taken email → 409. */
export async function createUser(db: Db, caller: Caller, input: CreateUserRequest): Promise<User> {
  const id = crypto.randomUUID();
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken) throw emailTaken();
  try {
    await db.batch([
      db.insert(users).values({
        id,
        workspaceId: caller.workspaceId,
        email,
        name: input.name,
        role: input.role,
        passwordHash,
        passwordChangedAt: passwordHash ? new Date().toISOString() : null,
      }),
      auditStatement(db, caller, "user.create", { type: "user", id }, { email, role: input.role }),
    ]);
  } catch (err) {
    if (isUserEmailConflict(err)) throw emailTaken();
    throw err;
  }
  return getUser(db, caller.workspaceId, id);
}

async function activeAdminsOtherThan(db: Db, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(
      and(eq(users.workspaceId, workspaceId), eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)),
    );
  return row?.n ?? 0;
}

/**
 * Changes a user (audited). Disabling revokes their tokens, ends their sessions and drops their pairing codes in the
 * same batch, so access stops at once; enabling again needs a new token. Leaving no active admin → 409.
 */
export async function updateUser(db: Db, caller: Caller, userId: string, patch: UpdateUserRequest): Promise<User> {
  const current = await getUser(db, caller.workspaceId, userId);
  const losesAdmin =
    current.role === "admin" && !current.disabled && ((patch.role && patch.role !== "admin") || patch.disabled);
  if (losesAdmin && (await activeAdminsOtherThan(db, caller.workspaceId, userId)) === 0) {
    throw conflict("The workspace needs at least one active admin.");
  }
  const now = new Date().toISOString();
  const set: Partial<typeof users.$inferInsert> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.disabled === true && !current.disabled) set.disabledAt = now;
  if (patch.disabled === false) set.disabledAt = null;
  if (patch.password !== undefined) {
    set.passwordHash = await hashPassword(patch.password);
    set.passwordChangedAt = now;
  }
  const scope = and(eq(users.id, userId), eq(users.workspaceId, caller.workspaceId));
  const changes = { ...patch, ...(patch.password ? { password: "(changed)" } : {}) };
  const cutOff = patch.disabled === true || patch.password !== undefined;
  await runBatch(db, [
    ...(Object.keys(set).length ? [db.update(users).set(set).where(scope)] : []),
    auditStatement(db, caller, "user.update", { type: "user", id: userId }, changes),
    ...(cutOff
      ? [db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.workspaceId, caller.workspaceId)))]
      : []),
    ...(patch.disabled === true
      ? [
          db
            .update(apiTokens)
            .set({ revokedAt: now })
            .where(
              and(
                eq(apiTokens.userId, userId),
                eq(apiTokens.workspaceId, caller.workspaceId),
                isNull(apiTokens.revokedAt),
              ),
            ),
          db
            .delete(pairingCodes)
            .where(and(eq(pairingCodes.userId, userId), eq(pairingCodes.workspaceId, caller.workspaceId))),
        ]
      : []),
  ]);
  return getUser(db, caller.workspaceId, userId);
}
