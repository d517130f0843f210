// The top next steps of a customer with one-click "log" and "done" (each queues an interaction in the outbox).
// Titles are the engine's MessageRefs rendered with the engine's catalogue (shared/i18n): the same words, amounts and
// days as the admin UI. The card is a lazily loaded extension page, so the catalogue never enters a content script.
import { useState } from "preact/hooks";
import type { Suggestion } from "../../../shared/contract";
import { t as message } from "../../../shared/i18n/format";
import type { Translate, UiLocale } from "../../lib/i18n";
import type { LogKind } from "../../lib/messages";
import { ask } from "../send";
import { LoggedUndo, useRefocus } from "../Undo";

const UNDONE = "undone";

const KIND_FOR: Partial<Record<Suggestion["code"], LogKind>> = {
  "reply-due": "email",
  "follow-up-due": "call",
  "follow-up-overdue": "call",
  "collect-overdue": "call",
  "churn-risk": "call",
  "find-decision-maker": "call",
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO date ("2026-03-05": that calendar day, whatever the reader's zone) or timestamp (the reader's local time) as
 * the reader writes dates; `null` when it is not one.
 */
function readableDate(value: string, locale: UiLocale, withTime: boolean): string | null {
  if (!ISO_DATE.test(value)) return null;
  const dayOnly = value.length === 10;
  const when = new Date(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(when.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    ...(dayOnly ? { timeZone: "UTC" } : withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(when);
}

/**
 * The step's title in the reader's language, e.g. "Collect CN¥1,200.00 overdue for 20 days" / "催收逾期 20 天的 ¥1,200.00":
 * money params in the workspace currency, dates in the reader's format, stage keys translated.
 */
export function stepLabel(s: Suggestion, locale: UiLocale, currency = "CNY"): string {
  const params = Object.fromEntries(
    Object.entries(s.title.params ?? {}).map(([name, value]) => [
      name,
      (typeof value === "string" && readableDate(value, locale, true)) || value,
    ]),
  );
  return message(locale, { key: s.title.key, params }, { currency });
}

export function NextSteps(props: {
  customerId: string;
  suggestions: Suggestion[];
  locale: UiLocale;
  currency: string;
  t: Translate;
}) {
  const { customerId, suggestions, locale, currency, t } = props;
  /** Step index → the id of the log made for it (to undo it), or "undone" once taken back. */
  const [logged, setLogged] = useState<Record<number, string>>({});
  const refocus = useRefocus();
  const log = async (i: number, s: Suggestion, done: boolean) => {
    const step = stepLabel(s, locale, currency);
    const kind: LogKind = done ? "note" : (KIND_FOR[s.code] ?? "note");
    // Outgoing when the rep contacted the customer: a logged call or email, or a reply marked done, which answers the
    // email waiting ("reply by" goes). A note for any other step is the rep's own record and answers nothing.
    const contacted = kind !== "note" || s.code === "reply-due";
    const reply = await ask({
      type: "log",
      item: {
        customerId,
        kind,
        ...(contacted ? { direction: "out" as const } : {}),
        summary: t(done ? "card.doneSummary" : "card.logSummary", { step }),
      },
    });
    if (reply) setLogged((m) => ({ ...m, [i]: reply.id }));
  };
  return (
    <div>
      <h2>{t("card.nextSteps")}</h2>
      {suggestions.length === 0 && <p class="muted">{t("card.noSteps")}</p>}
      <ul class="plain">
        {suggestions.slice(0, 3).map((s, i) => (
          <li key={`${s.code}-${i}`} class="row between" data-code={s.code}>
            <span id={`step-${i}`}>
              {stepLabel(s, locale, currency)}
              {/* The due date, unless the title already says it ("Follow up by {due}"). */}
              {s.due && s.title.params?.due === undefined && (
                <span class="muted"> · {readableDate(s.due, locale, false) ?? s.due}</span>
              )}
            </span>
            {logged[i] && logged[i] !== UNDONE ? (
              <LoggedUndo
                t={t}
                id={logged[i]}
                text={t("card.logged")}
                what={stepLabel(s, locale, currency)}
                onUndone={() => {
                  refocus.mark(String(i));
                  setLogged((m) => ({ ...m, [i]: UNDONE }));
                }}
              />
            ) : (
              <span class="row">
                {logged[i] === UNDONE && (
                  <span class="sr-only" role="status">
                    {t("undo.done")}
                  </span>
                )}
                <button
                  ref={refocus.ref(String(i))}
                  type="button"
                  aria-describedby={`step-${i}`}
                  onClick={() => void log(i, s, false)}
                >
                  {t("card.log")}
                </button>
                <button type="button" aria-describedby={`step-${i}`} onClick={() => void log(i, s, true)}>
                  {t("card.done")}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
