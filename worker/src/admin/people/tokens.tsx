// API tokens (admin): create one (the secret is shown once, on the answer page only), list with last use, revoke.
import { Hono } from "hono";
import { createTokenRequestSchema } from "../../../../shared/contract";
import { requireRoles, requireSession } from "../../middleware/session";
import { createTokenForCaller, listTokens, revokeToken } from "../../services/tokens";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { issueText } from "../lib/validation-text";
import { noticeOf, pageContext, render } from "../render";
import { Field, PostForm } from "../ui/form";
import { Page } from "../ui/layout";

type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];

function TokenTable({ ui, tokens }: { ui: Ui; tokens: TokenRow[] }) {
  if (tokens.length === 0) return <p class="empty">{ui.t("tokens.none")}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{ui.t("tokens.label")}</th>
            <th>{ui.t("tokens.prefix")}</th>
            <th>{ui.t("tokens.user")}</th>
            <th>{ui.t("tokens.created")}</th>
            <th>{ui.t("tokens.lastUsed")}</th>
            <th>{ui.t("people.status")}</th>
            <th>
              <span class="sr-only">{ui.t("people.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{t.userEmail}</td>
              <td>{ui.dateTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? ui.dateTime(t.lastUsedAt) : ui.t("tokens.never")}</td>
              <td>
                {t.revokedAt ? <span class="badge credit-hold">{ui.t("tokens.revoked")}</span> : ui.t("people.active")}
              </td>
              <td>
                {t.revokedAt ? null : (
                  <PostForm ui={ui} action={`/admin/tokens/${t.id}/revoke`} confirm={ui.t("tokens.revokeConfirm")}>
                    <button type="submit" class="danger small" aria-label={`${ui.t("tokens.revoke")}: ${t.name}`}>
                      {ui.t("tokens.revoke")}
                    </button>
                  </PostForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface TokensProps {
  ui: Ui;
  caller: AdminEnv["Variables"]["caller"];
  tokens: TokenRow[];
  created?: { name: string; token: string };
  error?: string | undefined;
  notice?: string | undefined;
}

function TokensPage({ ui, caller, tokens, created, error, notice }: TokensProps) {
  return (
    <Page ui={ui} title={ui.t("nav.tokens")} caller={caller} notice={notice}>
      {created ? (
        <section class="card" aria-labelledby="new-h" role="status">
          <h2 id="new-h">{ui.t("tokens.createdTitle", { name: created.name })}</h2>
          <p>{ui.t("tokens.showOnce")}</p>
          <code class="secret" id="new-token">
            {created.token}
          </code>
          <div class="actions">
            <button type="button" class="secondary small" data-copy="new-token" data-copied={ui.t("common.copied")}>
              {ui.t("common.copy")}
            </button>
          </div>
        </section>
      ) : null}
      <section class="card" aria-labelledby="create-h">
        <h2 id="create-h">{ui.t("tokens.create")}</h2>
        <p class="muted">{ui.t("tokens.intro")}</p>
        <PostForm ui={ui} action="/admin/tokens" class="inline-form">
          <Field label={ui.t("tokens.name")} name="name" required error={error} placeholder="ERP sync" />
          <button type="submit">{ui.t("tokens.createButton")}</button>
        </PostForm>
      </section>
      <section class="card" aria-labelledby="list-h">
        <h2 id="list-h">{ui.t("tokens.list")}</h2>
        <TokenTable ui={ui} tokens={tokens} />
      </section>
    </Page>
  );
}

export const tokens = new Hono<AdminEnv>();
tokens.use("*", requireSession, requireRoles("admin"));

tokens.get("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const list = await listTokens(c.var.db, caller);
  return render(c, <TokensPage ui={ui} caller={caller} tokens={list} notice={noticeOf(c, ui)} />);
});

tokens.post("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const parsed = createTokenRequestSchema.safeParse({ name: String((await c.req.parseBody()).name ?? "") });
  if (!parsed.success) {
    const list = await listTokens(c.var.db, caller);
    const first = parsed.error.issues[0];
    const error = first ? issueText(ui.t, first) : undefined;
    return render(c, <TokensPage ui={ui} caller={caller} tokens={list} error={error} />, 400);
  }
  const made = await createTokenForCaller(c.var.db, caller, parsed.data.name);
  const list = await listTokens(c.var.db, caller);
  // Rendered on the POST answer (never redirected through a URL), and the page is no-store.
  return render(
    c,
    <TokensPage ui={ui} caller={caller} tokens={list} created={{ name: made.name, token: made.token }} />,
  );
});

tokens.post("/:id/revoke", async (c) => {
  await revokeToken(c.var.db, c.var.caller, c.req.param("id"));
  return c.redirect("/admin/tokens?notice=tokenRevoked", 303);
});
