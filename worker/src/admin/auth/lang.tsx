// The language switch: remembers the choice in a cookie and goes back to the page it was clicked on.
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import type { AdminEnv } from "../env";
import { isLocale, LANG_COOKIE } from "../i18n";
import { safeNext } from "../render";

export const lang = new Hono<AdminEnv>();

lang.get("/lang/:locale", (c) => {
  const locale = c.req.param("locale");
  if (isLocale(locale)) {
    setCookie(c, LANG_COOKIE, locale, {
      path: "/",
      sameSite: "Lax",
      maxAge: 365 * 24 * 3600,
      secure: new URL(c.req.url).protocol === "https:",
    });
  }
  return c.redirect(safeNext(c.req.query("back")), 303);
});
