// Throttling of guessable secrets (pairing codes, passwords): failures per key in a window lock the key for a while.
import { eq, sql } from "drizzle-orm";
import { authThrottles } from "../db/schema";
import type { Db } from "../env";
import { ApiError } from "../lib/errors";

export interface ThrottlePolicy {
  /** Failures allowed in the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
  /** How long the key stays locked once it reached maxFailures. */
  lockMs: number;
}

/** 5 failures within 15 minutes lock for 15 minutes (issue #4). */
export const DEFAULT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The key for attempts from one client address (CF-Connecting-IP; "local" in development). */
export function addressKey(scope: string, header: (name: string) => string | undefined): string {
  return `${scope}:ip:${header("CF-Connecting-IP") ?? "local"}`;
}

/** Seconds until `key` may try again, or null when it is not locked. */
export async function checkThrottle(db: Db, key: string, now = new Date()): Promise<number | null> {
  const [row] = await db
    .select({ lockedUntil: authThrottles.lockedUntil })
    .from(authThrottles)
    .where(eq(authThrottles.key, key));
  if (!row?.lockedUntil) return null;
  const ms = Date.parse(row.lockedUntil) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : null;
}

/** The 429 answer for a locked key, with Retry-After. */
export function tooManyAttempts(retryAfterSeconds: number): ApiError {
  return new ApiError(429, "too_many_attempts", "Too many failed attempts; try again later.", [], {
    "Retry-After": String(retryAfterSeconds),
  });
}

/**
 * Counts one failure for `key` in a single atomic upsert (concurrent failures all count); returns the seconds
 * the key is now locked for, or null while it is still under the limit.
 */
export async function recordFailure(
  db: Db,
  key: string,
  now = new Date(),
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<number | null> {
  const nowIso = now.toISOString();
  const windowStartCutoff = new Date(now.getTime() - policy.windowMs).toISOString();
  const lockUntil = new Date(now.getTime() + policy.lockMs).toISOString();
  const expired = sql`${authThrottles.windowStart} <= ${windowStartCutoff}`;
  const failures = sql`CASE WHEN ${expired} THEN 1 ELSE ${authThrottles.failures} + 1 END`;
  const [row] = await db
    .insert(authThrottles)
    .values({ key, failures: 1, windowStart: nowIso, lockedUntil: policy.maxFailures <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        failures,
        windowStart: sql`CASE WHEN ${expired} THEN ${nowIso} ELSE ${authThrottles.windowStart} END`,
        lockedUntil: sql`CASE WHEN ${failures} >= ${policy.maxFailures} THEN ${lockUntil} ELSE ${authThrottles.lockedUntil} END`,
      },
    })
    .returning({ failures: authThrottles.failures, lockedUntil: authThrottles.lockedUntil });
  if (!row || row.failures < policy.maxFailures || !row.lockedUntil) return null;
  return Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000);
}

/** Forgets the failures of `key` (after a success). */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(authThrottles).where(eq(authThrottles.key, key));
}
