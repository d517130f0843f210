// The operator secret (OPERATOR_TOKEN) that authorises creating workspaces, compared in constant time.
import { createMiddleware } from "hono/factory";
import type { AppEnv, Env } from "../env";
import { ApiError, unauthorized } from "../lib/errors";

const enc = new TextEncoder();
const digest = async (s: string) => crypto.subtle.digest("SHA-256", enc.encode(s));

/** True when `presented` equals the configured operator secret; false when none is configured. */
export async function operatorTokenMatches(env: Pick<Env, "OPERATOR_TOKEN">, presented: string): Promise<boolean> {
  const expected = env.OPERATOR_TOKEN;
  if (!expected) return false;
  // Equal-length digests, so the comparison's time depends on neither secret's length nor content.
  return crypto.subtle.timingSafeEqual(await digest(presented), await digest(expected));
}

/** Lets the request through only with `Authorization: Bearer <OPERATOR_TOKEN>`. */
export const requireOperator = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.env.OPERATOR_TOKEN) {
    throw new ApiError(503, "operator_not_configured", "OPERATOR_TOKEN is not set on this deployment.");
  }
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
  if (!match?.[1] || !(await operatorTokenMatches(c.env, match[1]))) {
    throw unauthorized("The operator token is required.");
  }
  await next();
});
