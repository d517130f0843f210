// Connect extension: a one-time pairing code (10 minutes) for the signed-in person and the server URL to type in.
import { Hono } from "hono";
import { requireSession } from "../../middleware/session";
import { createPairingCode, PAIRING_CODE_TTL_MS } from "../../services/pairing";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { pageContext, render } from "../render";
import { PostForm } from "../ui/form";
import { Page } from "../ui/layout";

interface ConnectProps {
  ui: Ui;
  caller: AdminEnv["Variables"]["caller"];
  serverUrl: string;
  pairing?: { code: string; expiresAt: string };
}

function ConnectPage({ ui, caller, serverUrl, pairing }: ConnectProps) {
  const minutes = PAIRING_CODE_TTL_MS / 60_000;
  return (
    <Page ui={ui} title={ui.t("nav.connect")} caller={caller}>
      <div class="grid two">
        <section class="card" aria-labelledby="steps-h">
          <h2 id="steps-h">{ui.t("connect.steps")}</h2>
          <ol>
            <li>{ui.t("connect.step1")}</li>
            <li>{ui.t("connect.step2")}</li>
            <li>{ui.t("connect.step3", { minutes })}</li>
          </ol>
          <h3>{ui.t("connect.serverUrl")}</h3>
          <code class="secret" id="server-url">
            {serverUrl}
          </code>
          <div class="actions">
            <button type="button" class="secondary small" data-copy="server-url" data-copied={ui.t("common.copied")}>
              {ui.t("common.copy")}
            </button>
          </div>
        </section>
        <section class="card" aria-labelledby="code-h">
          <h2 id="code-h">{ui.t("connect.code")}</h2>
          {pairing ? (
            <div role="status">
              <code class="secret code-big" id="pairing-code">
                {pairing.code}
              </code>
              <p class="muted">
                {ui.t("connect.expires", { time: ui.dateTime(pairing.expiresAt) })}{" "}
                <span data-expires={pairing.expiresAt} aria-hidden="true" />
              </p>
              <div class="actions">
                <button
                  type="button"
                  class="secondary small"
                  data-copy="pairing-code"
                  data-copied={ui.t("common.copied")}
                >
                  {ui.t("common.copy")}
                </button>
              </div>
            </div>
          ) : (
            <p class="muted">{ui.t("connect.noCode", { minutes })}</p>
          )}
          <PostForm ui={ui} action="/admin/connect">
            <button type="submit">{pairing ? ui.t("connect.another") : ui.t("connect.make")}</button>
          </PostForm>
        </section>
      </div>
    </Page>
  );
}

export const connect = new Hono<AdminEnv>();
connect.use("*", requireSession);

connect.get("/", (c) => {
  const { ui, caller } = pageContext(c);
  return render(c, <ConnectPage ui={ui} caller={caller} serverUrl={new URL(c.req.url).origin} />);
});

connect.post("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const pairing = await createPairingCode(c.var.db, caller);
  return render(c, <ConnectPage ui={ui} caller={caller} serverUrl={new URL(c.req.url).origin} pairing={pairing} />);
});
