// Admin UI session cookie: load the session behind it, require one, start and end one.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { AdminEnv } from "../admin/env";
import type { Role } from "../env";
import { createSession, csrfTokenFor, findSession } from "../services/sessions";

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";

/** `__Host-` pins the cookie to this host and path / over HTTPS; plain http://127.0.0.1 (local dev) cannot use it. */
export const sessionCookieName = (c: Context) => (isHttps(c) ? "__Host-tl_session" : "tl_session");

/** Reads the session cookie; sets `session`, `caller` and the session's CSRF token when it is live. */
export const loadSession = createMiddleware<AdminEnv>(async (c, next) => {
  const name = sessionCookieName(c);
  const raw = getCookie(c, name);
  if (raw) {
    const session = await findSession(c.var.db, raw);
    if (session) {
      c.set("session", session);
      c.set("caller", session.caller);
      c.set("csrfToken", await csrfTokenFor(session.csrfSecret));
    } else {
      deleteCookie(c, name, { path: "/", secure: isHttps(c) });
    }
  }
  await next();
});

/** Pages for signed-in people: others go to the sign-in page (and come back after). */
export const requireSession = createMiddleware<AdminEnv>(async (c, next) => {
  if (!c.var.session) {
    const url = new URL(c.req.url);
    const back = c.req.method === "GET" ? `?next=${encodeURIComponent(url.pathname + url.search)}` : "";
    return c.redirect(`/admin/sign-in${back}`, 303);
  }
  await next();
});

/** Allows only the listed roles; others get the 403 page. */
export const requireRoles = (...roles: Role[]) =>
  createMiddleware<AdminEnv>(async (c, next) => {
    if (!roles.includes(c.var.caller.role)) throw new HTTPException(403);
    await next();
  });

/** Starts a fresh session (a new id at every sign-in) and sets its cookie. */
export async function startSession(c: Context<AdminEnv>, user: { workspaceId: string; userId: string }) {
  const { id, expiresAt } = await createSession(c.var.db, { ...user, userAgent: c.req.header("User-Agent") });
  setCookie(c, sessionCookieName(c), id, {
    path: "/",
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Lax",
    expires: expiresAt,
  });
}

/** Removes the session cookie from the browser (the server-side row is deleted by the caller). */
export function clearSessionCookie(c: Context<AdminEnv>) {
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: isHttps(c) });
}
