// The top next steps of a customer with one-click "log" and "done" (each queues an interaction in the outbox).
import { useState } from "preact/hooks";
import type { Suggestion } from "../../../shared/contract";
import type { Translate, UiLocale } from "../../lib/i18n";
import type { LogKind } from "../../lib/messages";
import { ask } from "../send";

const KIND_FOR: Partial<Record<Suggestion["code"], LogKind>> = {
  "reply-due": "email",
  "follow-up-due": "call",
  "follow-up-overdue": "call",
  "collect-overdue": "call",
  "churn-risk": "call",
  "find-decision-maker": "call",
};

export function stepLabel(s: Suggestion, t: Translate): string {
  return t(`suggestion.${s.code}`);
}

export function NextSteps(props: { customerId: string; suggestions: Suggestion[]; locale: UiLocale; t: Translate }) {
  const { customerId, suggestions, locale, t } = props;
  const [logged, setLogged] = useState<Record<number, boolean>>({});
  const log = async (i: number, s: Suggestion, done: boolean) => {
    const step = stepLabel(s, t);
    const reply = await ask({
      type: "log",
      item: {
        customerId,
        kind: done ? "note" : (KIND_FOR[s.code] ?? "note"),
        summary: t(done ? "card.doneSummary" : "card.logSummary", { step }),
      },
    });
    if (reply) setLogged((m) => ({ ...m, [i]: true }));
  };
  return (
    <div>
      <h2>{t("card.nextSteps")}</h2>
      {suggestions.length === 0 && <p class="muted">{t("card.noSteps")}</p>}
      <ul class="plain">
        {suggestions.slice(0, 3).map((s, i) => (
          <li key={`${s.code}-${i}`} class="row between">
            <span>
              {stepLabel(s, t)}
              {s.due && (
                <span class="muted">
                  {" "}
                  · {new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }).format(new Date(s.due))}
                </span>
              )}
            </span>
            {logged[i] ? (
              <span role="status">{t("card.logged")}</span>
            ) : (
              <span class="row">
                <button type="button" onClick={() => void log(i, s, false)}>
                  {t("card.log")}
                </button>
                <button type="button" onClick={() => void log(i, s, true)}>
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
