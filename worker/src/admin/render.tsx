// Sends a page: the doctype, then the JSX tree (hono/jsx escapes every text and attribute value).
import type { Context } from "hono";
import { html } from "hono/html";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AdminEnv } from "./env";
import { buildUi, hasKey, type Ui } from "./i18n";

export function render(c: Context<AdminEnv>, page: JSX.Element, status: ContentfulStatusCode = 200) {
  return c.html(html`<!doctype html>${page}`, status);
}

/** The notice named by `?notice=` after a redirect, when it is one we know (never text from the URL). */
export function noticeOf(c: Context<AdminEnv>, ui: Ui): string | undefined {
  const key = `notice.${c.req.query("notice") ?? ""}`;
  if (!hasKey(key)) return undefined;
  // Only counts may ride along (e.g. "12 graded, 3 changed"): digits, never text from the URL.
  const count = (name: string) => (/^\d{1,9}$/.test(c.req.query(name) ?? "") ? Number(c.req.query(name)) : 0);
  return ui.t(key, { n: count("n"), m: count("m") });
}

/** The request's Ui and caller, the two things every page renders with. */
export function pageContext(c: Context<AdminEnv>) {
  return { ui: buildUi(c), caller: c.var.caller };
}

/** A local path to go back to after sign-in; anything else (other hosts, `//evil`) falls back to /admin. */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith("/admin") || next.startsWith("//") || next.includes("\\")) return "/admin";
  return next;
}
