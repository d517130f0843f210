// Helpers for the admin UI tests: a tiny cookie jar, sessions made straight in D1, and form posts with CSRF token.
import { exports } from "cloudflare:workers";
import { scrypt } from "@noble/hashes/scrypt.js";
import { eq } from "drizzle-orm";
import * as schema from "../../worker/src/db/schema";
import { createSession, csrfTokenFor, findSession } from "../../worker/src/services/sessions";
import { db, type TestUser } from "./helpers";

export const ORIGIN = "http://tierlens.test";

/** Every Set-Cookie line of a response (workerd has getSetCookie; the type package lags). */
export const setCookies = (res: Response): string[] =>
  (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie();

export class Jar {
  cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(res: Response): void {
    for (const line of setCookies(res)) {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** A request to the real worker with the jar's cookies; a `form` is sent url-encoded, with Origin set unless given. */
export async function page(
  jar: Jar,
  method: string,
  path: string,
  form?: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const h: Record<string, string> = { Cookie: jar.header(), ...headers };
  let body: string | undefined;
  if (form) {
    body = new URLSearchParams(form).toString();
    h["Content-Type"] = "application/x-www-form-urlencoded";
    if (!("Origin" in headers)) h.Origin = ORIGIN;
  }
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers: h, body, redirect: "manual" }),
  );
  jar.take(res);
  return res;
}

/** The hidden CSRF field's value in a page. */
export function csrfIn(html: string): string {
  const m = /name="_csrf" value="([^"]*)"/.exec(html);
  if (!m?.[1]) throw new Error("no CSRF field in page");
  return m[1];
}

/**
 * Stores a password hash with cheap scrypt parameters (the hash records them, and verifyPassword honours them):
 * the production cost takes seconds per hash on a busy test machine.
 */
export async function setPassword(user: TestUser, password: string): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = scrypt(new TextEncoder().encode(password.normalize("NFKC")), salt, { N: 1024, r: 8, p: 1, dkLen: 32 });
  const b64 = (b: Uint8Array) =>
    btoa(String.fromCharCode(...b))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const stored = ["scrypt", 1024, 8, 1, b64(salt), b64(hash)].join("$");
  await db.update(schema.users).set({ passwordHash: stored }).where(eq(schema.users.id, user.userId));
}

/** A signed-in jar for `user` without going through the (slow, scrypt) sign-in form; returns its CSRF token too. */
export async function sessionFor(user: TestUser): Promise<{ jar: Jar; csrf: string }> {
  const { id } = await createSession(db, { workspaceId: user.workspaceId, userId: user.userId });
  const jar = new Jar();
  jar.cookies.set("tl_session", id);
  const session = await findSession(db, id);
  if (!session) throw new Error("session not found");
  return { jar, csrf: await csrfTokenFor(session.csrfSecret) };
}

/** Signs in through the real form and returns the jar. */
export async function signInForm(email: string, password: string, jar = new Jar()): Promise<Response> {
  // Already signed in, the form redirects; its double-submit token is the tl_csrf cookie's value.
  const csrf = jar.cookies.get("tl_csrf") ?? csrfIn(await (await page(jar, "GET", "/admin/sign-in")).text());
  return page(jar, "POST", "/admin/sign-in", { _csrf: csrf, email, password });
}
