// The rep's follow-ups due today or overdue, most overdue first, each logged as a call in one click; the full list
// is one link away in the admin UI.
import { useEffect, useRef, useState } from "preact/hooks";
import { dayNumber } from "../../../shared/dates";
import type { Translate } from "../../lib/i18n";
import type { Replies } from "../../lib/messages";
import { ask } from "../send";
import { TierChip } from "./Search";

type Due = Replies["due"];

/** "due today", "1 day overdue", "12 days overdue". */
function dueText(t: Translate, nextFollowUp: string, today: string): { text: string; late: boolean } {
  const days = dayNumber(today) - dayNumber(nextFollowUp);
  if (days <= 0) return { text: t("popup.dueToday"), late: false };
  return { text: days === 1 ? t("popup.overdueOneDay") : t("popup.overdueDays", { days }), late: true };
}

export function DueFollowUps(props: { serverUrl: string; t: Translate; onLogged?: () => void }) {
  const { serverUrl, t } = props;
  const [due, setDue] = useState<Due | null>(null);
  /** Customer id → "logging" while queued, "logged" once the outbox has it, "failed" when it could not be queued. */
  const [state, setState] = useState<Record<string, "logging" | "logged" | "failed">>({});
  useEffect(() => {
    void ask({ type: "due" }).then((r) => setDue(r ?? { items: [], today: "", more: false, error: "no answer" }));
  }, []);
  /** Checked synchronously: a second click before the re-render must not log a second call. */
  const busy = useRef(new Set<string>());
  const logCall = async (customerId: string) => {
    if (busy.current.has(customerId)) return;
    busy.current.add(customerId);
    setState((s) => ({ ...s, [customerId]: "logging" }));
    const item = { customerId, kind: "call", direction: "out", summary: t("popup.followUpSummary") } as const;
    const queued = await ask({ type: "log", item });
    setState((s) => ({ ...s, [customerId]: queued?.id ? "logged" : "failed" }));
    if (queued?.id) props.onLogged?.();
    else busy.current.delete(customerId);
  };
  return (
    <section aria-labelledby="due-h">
      <h2 id="due-h">{t("popup.due")}</h2>
      {due === null && (
        <p class="muted" role="status">
          {t("popup.dueLoading")}
        </p>
      )}
      {due?.error && <p class="muted">{t("popup.dueFailed")}</p>}
      {due && !due.error && due.items.length === 0 && <p class="muted">{t("popup.dueNone")}</p>}
      <ul class="plain">
        {due?.items.map((c) => {
          const when = c.nextFollowUp ? dueText(t, c.nextFollowUp, due.today) : null;
          const s = state[c.id];
          return (
            <li key={c.id} class="row" data-testid="due">
              <TierChip tier={c.tier} />
              <a
                class="grow"
                href={`${serverUrl}/admin/customers/${encodeURIComponent(c.id)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {c.name}
              </a>
              {when && <span class={`nowrap ${when.late ? "late" : "muted"}`}>{when.text}</span>}
              {s === "logged" ? (
                <span class="muted" role="status">
                  {t("popup.dueLogged")}
                </span>
              ) : (
                <button type="button" class="nowrap" disabled={s === "logging"} onClick={() => void logCall(c.id)}>
                  {t("popup.logCall")}
                </button>
              )}
              {s === "failed" && (
                <span class="late" role="alert">
                  {t("popup.logFailed")}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {due && due.items.length > 0 && (
        <p>
          <a href={`${serverUrl}/admin/customers?followUp=due&owner=me`} target="_blank" rel="noopener noreferrer">
            {due.more ? t("popup.dueMore") : t("popup.dueAll")}
          </a>
        </p>
      )}
    </section>
  );
}
