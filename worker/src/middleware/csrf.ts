// CSRF defence for the admin UI: same-origin check (Origin / Sec-Fetch-Site) AND a synchronizer token on every unsafe request.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { AdminEnv } from "../admin/env";
import { randomSecret } from "../lib/crypto";
import { safeEqual } from "../services/sessions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_FIELD = "_csrf";
const PRE_SESSION_PATHS = new Set(["/admin/sign-in", "/setup"]);

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";
/** Before sign-in there is no session secret: forms carry a double-submit token mirrored in this cookie. */
const preSessionCookie = (c: Context) => (isHttps(c) ? "__Host-tl_csrf" : "tl_csrf");

/** True when the browser says the request comes from our own pages. */
function sameOrigin(c: Context): boolean {
  const origin = c.req.header("Origin");
  if (origin) return origin === new URL(c.req.url).origin;
  // No Origin (rare for POST in current browsers): fall back to Fetch Metadata; neither present → refuse.
  return c.req.header("Sec-Fetch-Site") === "same-origin";
}

/** For the sign-in and setup forms: the double-submit token, set in its cookie on first use. */
export function preSessionCsrfToken(c: Context<AdminEnv>): string {
  const existing = getCookie(c, preSessionCookie(c));
  if (existing && existing.length >= 32) return existing;
  const token = randomSecret(24);
  setCookie(c, preSessionCookie(c), token, { path: "/", httpOnly: true, secure: isHttps(c), sameSite: "Strict" });
  return token;
}

/** Refuses (403) any unsafe request that is cross-origin or lacks the right token. */
export const csrfProtect = createMiddleware<AdminEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  if (!sameOrigin(c)) throw new HTTPException(403, { message: "cross-origin request refused" });
  let sent = c.req.header("X-CSRF-Token") ?? "";
  if (!sent) {
    const type = c.req.header("Content-Type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      const body = await c.req.parseBody();
      const field = body[CSRF_FIELD];
      sent = typeof field === "string" ? field : "";
    }
  }
  const accepted: string[] = [];
  if (c.var.session) accepted.push(c.var.csrfToken);
  // The double-submit token only opens the doors one walks through without a session.
  const pre = getCookie(c, preSessionCookie(c));
  if (pre && pre.length >= 32 && PRE_SESSION_PATHS.has(c.req.path)) accepted.push(pre);
  if (!sent || !accepted.some((token) => safeEqual(token, sent))) {
    throw new HTTPException(403, { message: "missing or invalid CSRF token" });
  }
  await next();
});
