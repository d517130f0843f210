// The rep's day in the popup: emails waiting for their reply (earliest deadline first, each logged as a reply in one
// click) and follow-ups due today or overdue (most overdue first, each logged as a call). The full lists are one link
// away in the admin UI.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { dayNumber } from "../../../shared/dates";
import type { Translate, UiLocale } from "../../lib/i18n";
import type { LogDraft, Replies } from "../../lib/messages";
import { ask } from "../send";
import { LoggedUndo, useRefocus } from "../Undo";
import { TierChip } from "./Search";

type Due = Replies["due"];
type Customer = Due["items"][number];
type When = { text: string; late: boolean };

/** "due today", "1 day overdue", "12 days overdue". */
function dueText(t: Translate, nextFollowUp: string, today: string): When {
  const days = dayNumber(today) - dayNumber(nextFollowUp);
  if (days <= 0) return { text: t("popup.dueToday"), late: false };
  return { text: days === 1 ? t("popup.overdueOneDay") : t("popup.overdueDays", { days }), late: true };
}

/**
 * "Reply by 15:20" (today), "Reply by Fri 09:00" (within the week), else with the date; "Reply was due …" once it has
 * passed; null for a value that is not a time. Short: the popup's rows are narrow.
 */
function replyText(t: Translate, replyBy: string, locale: UiLocale, now: number): When | null {
  const at = Date.parse(replyBy);
  if (Number.isNaN(at)) return null;
  const late = at < now;
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const within = Math.abs(at - now) < 6 * 86_400_000;
  const when = new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : within ? { weekday: "short" } : { month: "short", day: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
  return { text: t(late ? "popup.replyLate" : "popup.replyBy", { when }), late };
}

/**
 * Customer id → "logging" while queued, "logged" (with the log's id, for its undo) once the outbox has it, "failed"
 * when it could not be queued, "undone" once taken back (the action is offered again).
 */
type LogState = Record<string, { s: "logging" | "failed" | "undone" } | { s: "logged"; id: string }>;

/** One-click logs of one list: each customer logged once, however fast the clicks come, until the log is undone. */
function useOneClickLog(onChanged?: () => void) {
  const [state, setState] = useState<LogState>({});
  /** Checked synchronously: a second click before the re-render must not log a second touch. */
  const busy = useRef(new Set<string>());
  const log = async (item: LogDraft & { customerId: string }) => {
    const customer = item.customerId;
    if (busy.current.has(customer)) return;
    busy.current.add(customer);
    setState((s) => ({ ...s, [customer]: { s: "logging" } }));
    const queued = await ask({ type: "log", item });
    setState((s) => ({ ...s, [customer]: queued?.id ? { s: "logged", id: queued.id } : { s: "failed" } }));
    if (queued?.id) onChanged?.();
    else busy.current.delete(customer);
  };
  const undone = (customer: string) => {
    busy.current.delete(customer);
    setState((s) => ({ ...s, [customer]: { s: "undone" } }));
    onChanged?.();
  };
  return { state, log, undone };
}

function DueList(props: {
  id: string;
  title: string;
  items: Customer[];
  serverUrl: string;
  t: Translate;
  when: (c: Customer) => When | null;
  action: string;
  /** The button's accessible name, naming the customer: rows of identical buttons are told apart by it. */
  actionLabel: (c: Customer) => string;
  item: (c: Customer) => LogDraft & { customerId: string };
  onLogged?: (() => void) | undefined;
  children?: ComponentChildren;
  /** The admin list with all of them, and whether there are more than shown. */
  all: { href: string; more: boolean };
  /** How many the list holds ("99+" beyond what was counted); none while unknown or zero. */
  count?: { n: number; more: boolean } | undefined;
}) {
  const { t, serverUrl } = props;
  const { state, log, undone } = useOneClickLog(props.onLogged);
  const refocus = useRefocus();
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>
        {props.title}
        {props.count && props.count.n > 0 ? (
          <>
            {" "}
            <span class="count" data-testid={`${props.id}-count`}>
              {props.count.n}
              {props.count.more ? "+" : ""}
            </span>
          </>
        ) : null}
      </h2>
      {props.children}
      <ul class="plain">
        {props.items.map((c) => {
          const when = props.when(c);
          const s = state[c.id];
          return (
            <li key={c.id} class="row" data-testid={props.id}>
              <TierChip tier={c.tier} />
              <a
                class="grow"
                href={`${serverUrl}/admin/customers/${encodeURIComponent(c.id)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {c.name}
              </a>
              {/* Once logged the deadline is moot, and "Logged · Undo" needs its room in a narrow row. */}
              {when && s?.s !== "logged" && <span class={`nowrap ${when.late ? "late" : "muted"}`}>{when.text}</span>}
              {s?.s === "logged" ? (
                <LoggedUndo
                  t={t}
                  id={s.id}
                  text={t("popup.dueLogged")}
                  what={props.actionLabel(c)}
                  onUndone={() => {
                    refocus.mark(c.id);
                    undone(c.id);
                  }}
                />
              ) : (
                <button
                  ref={refocus.ref(c.id)}
                  type="button"
                  class="nowrap"
                  aria-label={props.actionLabel(c)}
                  disabled={s?.s === "logging"}
                  onClick={() => void log(props.item(c))}
                >
                  {props.action}
                </button>
              )}
              {s?.s === "undone" && (
                <span class="sr-only" role="status">
                  {t("undo.done")}
                </span>
              )}
              {s?.s === "failed" && (
                <span class="late" role="alert">
                  {t("popup.logFailed")}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {props.items.length > 0 && (
        <p>
          <a href={`${serverUrl}${props.all.href}`} target="_blank" rel="noopener noreferrer">
            {props.all.more ? t("popup.dueMore") : t("popup.dueAll")}
          </a>
        </p>
      )}
    </section>
  );
}

export function DueFollowUps(props: { serverUrl: string; t: Translate; locale: UiLocale; onLogged?: () => void }) {
  const { serverUrl, t, locale } = props;
  const [due, setDue] = useState<Due | null>(null);
  useEffect(() => {
    void ask({ type: "due" }).then((r) =>
      setDue(r ?? { items: [], today: "", more: false, error: "no answer", replies: [], repliesMore: false }),
    );
  }, []);
  const now = Date.now();
  return (
    <>
      {/* Only when an email is waiting: the card beside each email says the rest. */}
      {due && due.replies.length > 0 && (
        <DueList
          id="reply"
          title={t("popup.replies")}
          items={due.replies}
          serverUrl={serverUrl}
          t={t}
          when={(c) => (c.replyBy ? replyText(t, c.replyBy, locale, now) : null)}
          action={t("popup.logReply")}
          actionLabel={(c) => t("popup.logReplyTo", { name: c.name })}
          item={(c) => ({ customerId: c.id, kind: "email", direction: "out", summary: t("popup.replySummary") })}
          onLogged={props.onLogged}
          all={{ href: "/admin/customers?replyDue=true&owner=me", more: due.repliesMore }}
          count={due.counted && { n: due.counted.replies, more: due.counted.repliesMore }}
        />
      )}
      <DueList
        id="due"
        title={t("popup.due")}
        items={due?.items ?? []}
        serverUrl={serverUrl}
        t={t}
        when={(c) => (c.nextFollowUp && due ? dueText(t, c.nextFollowUp, due.today) : null)}
        action={t("popup.logCall")}
        actionLabel={(c) => t("popup.logCallWith", { name: c.name })}
        item={(c) => ({ customerId: c.id, kind: "call", direction: "out", summary: t("popup.followUpSummary") })}
        onLogged={props.onLogged}
        all={{ href: "/admin/customers?followUp=due&owner=me", more: due?.more ?? false }}
        count={due?.counted && { n: due.counted.due, more: due.counted.dueMore }}
      >
        {due === null && (
          <p class="muted" role="status">
            {t("popup.dueLoading")}
          </p>
        )}
        {due?.error && <p class="muted">{t("popup.dueFailed")}</p>}
        {due && !due.error && due.items.length === 0 && <p class="muted">{t("popup.dueNone")}</p>}
      </DueList>
    </>
  );
}
