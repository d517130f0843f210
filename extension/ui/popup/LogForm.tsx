// One-click logging for the current page: kind picker, which way (outgoing unless said; none for a note), with whom,
// summary prefilled from the selection, URL + title captured.
// Keyboard: the checked kind is focused when the popup opens for a page with something to log; arrows pick a kind,
// Enter logs (from a kind or the address), Ctrl/⌘+Enter logs from the summary (plain Enter there is a new line).
import { useEffect, useRef, useState } from "preact/hooks";
import type { Translate } from "../../lib/i18n";
import { LOG_KINDS, type LogKind } from "../../lib/messages";
import { focusIfIdle } from "../focus";
import { ask } from "../send";
import { LoggedUndo, useRefocus } from "../Undo";
import type { PageInfo } from "./page-info";

export function LogForm(props: { page: PageInfo; t: Translate; onLogged: () => void; autoFocus?: boolean }) {
  const { page, t, onLogged, autoFocus = false } = props;
  const [kind, setKind] = useState<LogKind>("note");
  /** Outgoing unless the rep says otherwise: only an outgoing touch answers an email waiting. A note has none. */
  const [direction, setDirection] = useState<"in" | "out">("out");
  const [email, setEmail] = useState(page.emails[0] ?? "");
  /** The rep typed an address: the page's (found later, as the side panel reads the page again) no longer fills it. */
  const typed = useRef(false);
  const found = page.emails[0];
  useEffect(() => {
    if (found && !typed.current) setEmail((now) => now || found);
  }, [found]);
  const [summary, setSummary] = useState(page.selection);
  const [status, setStatus] = useState<string | null>(null);
  /** The last log queued from this form, while it can be undone: its id and what it said. */
  const [logged, setLogged] = useState<{ id: string; what: string } | null>(null);
  const refocus = useRefocus();
  const busy = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) focusIfIdle(firstField.current);
  }, [autoFocus]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy.current) return; // a second Enter while the first is being queued
    busy.current = true;
    try {
      const text = summary.trim() || page.title || kind;
      const reply = await ask({
        type: "log",
        item: {
          email: email.trim().toLowerCase(),
          kind,
          ...(kind === "note" ? {} : { direction }),
          summary: text,
          ...(page.url && /^https?:/.test(page.url) ? { sourceUrl: page.url.slice(0, 2048) } : {}),
          ...(page.title ? { sourceTitle: page.title.slice(0, 500) } : {}),
        },
      });
      setStatus(reply ? t("popup.logged") : t("popup.logFailed"));
      setLogged(reply ? { id: reply.id, what: `${t(`kind.${kind}`)} · ${text}` } : null);
      if (reply) onLogged();
    } finally {
      busy.current = false;
    }
  };

  // Enter on a kind radio does not submit in every browser, and a textarea takes Enter as a new line.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Enter" || e.isComposing) return;
    const target = e.target;
    const onKind = target instanceof HTMLInputElement && target.type === "radio";
    const fromSummary = target instanceof HTMLTextAreaElement && (e.ctrlKey || e.metaKey);
    if (!onKind && !fromSummary) return;
    e.preventDefault();
    form.current?.requestSubmit();
  };

  return (
    <form ref={form} aria-labelledby="log-title" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <h2 id="log-title">{t("popup.logTitle")}</h2>
      <fieldset class="kinds">
        <legend>{t("popup.kind")}</legend>
        {LOG_KINDS.map((k) => (
          <label key={k} class="kind">
            <input
              ref={kind === k ? firstField : undefined}
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind !== "note" && (
        <fieldset class="kinds" data-testid="direction">
          <legend>{t("popup.direction")}</legend>
          {(["out", "in"] as const).map((d) => (
            <label key={d} class="kind">
              <input
                type="radio"
                name="direction"
                value={d}
                checked={direction === d}
                onChange={() => setDirection(d)}
              />
              {t(d === "out" ? "popup.directionOut" : "popup.directionIn")}
            </label>
          ))}
        </fieldset>
      )}
      <label class="field">
        {t("popup.with")}
        <input
          type="email"
          name="email"
          required
          autocomplete="off"
          list="page-emails"
          value={email}
          onInput={(e) => {
            typed.current = true;
            setEmail(e.currentTarget.value);
          }}
        />
      </label>
      <datalist id="page-emails">
        {page.emails.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      <label class="field">
        {t("popup.summary")}
        <textarea
          name="summary"
          rows={3}
          aria-describedby="log-keys"
          value={summary}
          onInput={(e) => setSummary(e.currentTarget.value)}
        />
      </label>
      <p id="log-keys" class="muted hint">
        {t("popup.logKeys")}
      </p>
      <div class="row between">
        <span class="muted" style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:220px">
          {page.title ?? ""}
        </span>
        <button ref={refocus.ref("log")} type="submit" class="primary">
          {t("popup.log")}
        </button>
      </div>
      {/* Always in the page, so screen readers announce the text when it appears. */}
      <p role="status" class={status ? "" : "empty"}>
        {status ?? ""}
      </p>
      {logged && (
        <LoggedUndo
          key={logged.id}
          t={t}
          id={logged.id}
          what={logged.what}
          onUndone={() => {
            refocus.mark("log");
            setLogged(null);
            setStatus(t("undo.done"));
            onLogged();
          }}
        />
      )}
    </form>
  );
}
