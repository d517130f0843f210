// One-click logging for the current page: kind picker, with whom, summary prefilled from the selection, URL + title captured.
import { useState } from "preact/hooks";
import type { Translate } from "../../lib/i18n";
import { LOG_KINDS, type LogKind } from "../../lib/messages";
import { ask } from "../send";
import type { PageInfo } from "./page-info";

export function LogForm({ page, t, onLogged }: { page: PageInfo; t: Translate; onLogged: () => void }) {
  const [kind, setKind] = useState<LogKind>("note");
  const [email, setEmail] = useState(page.emails[0] ?? "");
  const [summary, setSummary] = useState(page.selection);
  const [status, setStatus] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const reply = await ask({
      type: "log",
      item: {
        email: email.trim().toLowerCase(),
        kind,
        summary: summary.trim() || page.title || kind,
        ...(page.url && /^https?:/.test(page.url) ? { sourceUrl: page.url.slice(0, 2048) } : {}),
        ...(page.title ? { sourceTitle: page.title.slice(0, 500) } : {}),
      },
    });
    setStatus(reply ? t("popup.logged") : "✗");
    if (reply) onLogged();
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <h2>{t("popup.logTitle")}</h2>
      <div class="row" role="radiogroup" aria-label={t("popup.logTitle")} style="flex-wrap:wrap">
        {LOG_KINDS.map((k) => (
          <label key={k} class="row" style="gap:2px">
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              style="width:auto"
            />
            {t(`kind.${k}`)}
          </label>
        ))}
      </div>
      <label>
        {t("popup.with")}
        <input
          type="email"
          required
          list="page-emails"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <datalist id="page-emails">
        {page.emails.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      <label>
        {t("popup.summary")}
        <textarea rows={3} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      <div class="row between">
        <span class="muted" style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:220px">
          {page.title ?? ""}
        </span>
        <button type="submit" class="primary">
          {t("popup.log")}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
