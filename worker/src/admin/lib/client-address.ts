// The address a request came from, for per-address throttling (Cloudflare sets CF-Connecting-IP).
import type { Context } from "hono";

export function clientAddress(c: Context): string {
  return c.req.header("CF-Connecting-IP") ?? c.req.header("X-Real-IP") ?? "local";
}
