// The HTML answer for failures on admin pages: 403 / 404 / 429 in words, anything else as a 500 without internals.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "../lib/errors";
import type { AdminEnv } from "./env";
import { buildUi } from "./i18n";
import { render } from "./render";
import { Page } from "./ui/layout";

const KNOWN = new Set([400, 403, 404, 409, 429]);

export function errorPage(c: Context<AdminEnv>, status: ContentfulStatusCode) {
  const ui = buildUi(c);
  const code = KNOWN.has(status) ? status : 500;
  const title = ui.tk(`error.${code}`);
  return render(
    c,
    <Page ui={ui} title={title} caller={c.var.session ? c.var.caller : undefined}>
      <div class="card">
        <p>{ui.tk(`error.${code}.text`)}</p>
        <p>
          <a href="/admin">{ui.t("error.home")}</a>
        </p>
      </div>
    </Page>,
    code as ContentfulStatusCode,
  );
}

export function onAdminError(err: Error, c: Context<AdminEnv>) {
  if (err instanceof HTTPException) {
    if (err.res) for (const [k, v] of err.res.headers) c.header(k, v);
    return errorPage(c, err.status as ContentfulStatusCode);
  }
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return errorPage(c, err.status);
  }
  console.error("admin page failed", err);
  return errorPage(c, 500);
}
