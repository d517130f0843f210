// Admin UI sessions: a random id in the cookie, only its SHA-256 in D1; idle and absolute expiry; CSRF secret per session.
import { and, eq, isNull, ne } from "drizzle-orm";
import { sessions, users, workspaces } from "../db/schema";
import type { Caller, Db } from "../env";
import { randomSecret, sha256Hex, toB64url } from "../lib/crypto";

/** A session unused for this long is over (issue #5: idle timeout). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** No session outlives this, however active (absolute lifetime). */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so browsing does not write on every request. */
const TOUCH_RESOLUTION_MS = 60 * 1000;

export interface ActiveSession {
  idHash: string;
  csrfSecret: string;
  expiresAt: string;
  /** The workspace's IANA zone, for dates on pages. */
  timeZone: string;
  caller: Caller;
}

/** Starts a session for a user; returns the raw id for the cookie (never stored) and its expiry. */
export async function createSession(
  db: Db,
  input: { workspaceId: string; userId: string; userAgent?: string | null },
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomSecret(32);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(sessions).values({
    idHash: await sha256Hex(id),
    workspaceId: input.workspaceId,
    userId: input.userId,
    csrfSecret: randomSecret(32),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    userAgent: input.userAgent?.slice(0, 200) ?? null,
  });
  return { id, expiresAt };
}

/**
 * The live session for a raw cookie id, with its caller; null when unknown, idle too long, past its
 * absolute lifetime, or its user is disabled. A dead session is deleted on sight.
 */
export async function findSession(db: Db, rawId: string, now = new Date()): Promise<ActiveSession | null> {
  const idHash = await sha256Hex(rawId);
  const [row] = await db
    .select({
      csrfSecret: sessions.csrfSecret,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      currency: workspaces.currency,
      timeZone: workspaces.timezone,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  if (!row) return null;
  const t = now.getTime();
  const idle = t - Date.parse(row.lastSeenAt) > SESSION_IDLE_MS;
  if (idle || t >= Date.parse(row.expiresAt) || row.disabledAt) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (t - Date.parse(row.lastSeenAt) > TOUCH_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.idHash, idHash));
  }
  const { csrfSecret, expiresAt, timeZone, lastSeenAt: _l, disabledAt: _d, ...caller } = row;
  return { idHash, csrfSecret, expiresAt, timeZone, caller };
}

/** Ends one session (sign-out). */
export async function destroySession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user, except optionally one (password change, disabling a user). */
export async function destroyUserSessions(db: Db, userId: string, exceptIdHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptIdHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, exceptIdHash)) : eq(sessions.userId, userId),
    );
}

/** The user a sign-in names, when it exists and is enabled, with its password hash. */
export async function findSignInUser(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, workspaceId: users.workspaceId, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

const enc = new TextEncoder();

/** The synchronizer CSRF token of a session: HMAC-SHA256 of a fixed label under the session's secret. */
export async function csrfTokenFor(csrfSecret: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", enc.encode(csrfSecret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return toB64url(new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode("tierlens-admin-csrf-v1"))));
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
