// Response headers of every admin page: a strict Content-Security-Policy (no inline script) and friends.
import { createMiddleware } from "hono/factory";

/** Everything from our own origin only; inline scripts and styles are refused, plugins and framing too. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data:";

export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  h.set("Referrer-Policy", "same-origin");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Cross-Origin-Resource-Policy", "same-origin");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (new URL(c.req.url).protocol === "https:") h.set("Strict-Transport-Security", "max-age=31536000");
  // Pages carry personal data and CSRF tokens: never cache them; the static assets set their own policy.
  if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store");
});
