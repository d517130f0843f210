// /admin/today: the caller's own day. Whose email to answer (by the tier's reply deadline), whom to follow up (most
// overdue first) and whose credit to watch, with each customer's first next steps: a reply or a call is logged in one
// click, and the counts link to the full lists. A rep's home page. Managers and admins also have the team's day
// (`?team=1`): the same lists over every customer, with each one's owner.
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { CustomerListItem, User } from "../../../../shared/contract";
import { dayNumber } from "../../../../shared/dates";
import { requireSession } from "../../middleware/session";
import { listUsers } from "../../services/users";
import { type Back, BackFields, NoticeUndo } from "../customers/undo";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { todayIn } from "../lib/zoned-time";
import { noticeOf, pageContext, render } from "../render";
import { CreditBadge, Marks, TierBadge } from "../ui/badges";
import { PostForm } from "../ui/form";
import { Page } from "../ui/layout";
import { type GradeNotes, loadToday, type Today, type TodayScope } from "./data";

export const today = new Hono<AdminEnv>();

/** The customer list, filtered to what a count or a section stands for (mine, or everyone's in the team view). */
function linksFor(scope: TodayScope) {
  const owner = scope === "mine" ? "me" : scope === "team" ? null : encodeURIComponent(scope.owner);
  const list = `/admin/customers?${owner === null ? "" : `owner=${owner}&`}`;
  return {
    overdue: `${list}followUp=overdue`,
    due: `${list}followUp=due`,
    credit: `${list}credit=hold,watch&sort=-overdue`,
    replies: `${list}replyDue=true`,
  };
}

/** The texts that say "your" in my view and "the team's" in the team view. */
const SCOPED_TEXT = {
  mine: {
    intro: "today.intro",
    kpiReplies: "today.kpiReplies",
    repliesNone: "today.repliesNone",
    dueNone: "today.dueNone",
    creditNone: "today.creditNone",
  },
  team: {
    intro: "today.introTeam",
    kpiReplies: "today.kpiRepliesTeam",
    repliesNone: "today.repliesNoneTeam",
    dueNone: "today.dueNoneTeam",
    creditNone: "today.creditNoneTeam",
  },
} as const;

/** Next steps the due list's follow-up column already says (as of today, where the grade's are of its regrade). */
const FOLLOW_UP_CODES = ["follow-up-overdue", "follow-up-due"] as const;
/** The replies list's deadline column says the reply step. */
const REPLY_CODES = ["reply-due"] as const;

/** "due today", "1 day overdue", "12 days overdue". */
function lateness(ui: Ui, nextFollowUp: string, day: string): { text: string; late: boolean } {
  const days = dayNumber(day) - dayNumber(nextFollowUp);
  if (days <= 0) return { text: ui.t("today.dueToday"), late: false };
  return { text: days === 1 ? ui.t("today.overdueOneDay") : ui.t("today.overdueDays", { days }), late: true };
}

function Kpi({ value, label, href }: { value: string; label: string; href: string }) {
  return (
    <a class="kpi" href={href}>
      <b>{value}</b>
      <span>{label}</span>
    </a>
  );
}

/** What a row needs to name its customer (and its owner, in the team view). */
type Named = Pick<CustomerListItem, "id" | "name" | "keyAccount" | "negativeValue" | "ownerName">;

function Customer({ ui, c }: { ui: Ui; c: Named }) {
  return (
    <td>
      <a href={`/admin/customers/${encodeURIComponent(c.id)}`}>{c.name}</a>{" "}
      <Marks ui={ui} keyAccount={c.keyAccount} negative={c.negativeValue} />
    </td>
  );
}

/** Steps shown per customer. */
const STEPS_SHOWN = 2;

/** The customer's first next steps, less those of codes the row already says (the follow-up in the due list). */
function Steps({ ui, notes, skip = [] }: { ui: Ui; notes: GradeNotes | undefined; skip?: readonly string[] }) {
  const steps = (notes?.steps ?? []).filter((s) => !skip.includes(s.code)).slice(0, STEPS_SHOWN);
  if (steps.length === 0) return <td class="muted small">{ui.t("today.noSteps")}</td>;
  return (
    <td>
      <ul class="suggestions compact">
        {steps.map((s) => (
          <li class={`p${s.priority}`}>{ui.msg(s.title)}</li>
        ))}
      </ul>
    </td>
  );
}

/** The one-click logs: a follow-up call, or the reply to an email (both outgoing, so a reply waiting is answered). */
const ONE_CLICK = {
  call: { kind: "call", summary: "today.followUpSummary", label: "today.logCall", named: "today.logCallWith" },
  reply: { kind: "email", summary: "today.replySummary", label: "today.logReply", named: "today.logReplyTo" },
} as const;

/** The hidden fields that bring a form back to this view of Today. */
const backFor = (scope: TodayScope): Back => ({
  back: scope === "mine" ? "today" : "today-team",
  ...(typeof scope === "object" ? { owner: scope.owner } : {}),
});

/** One click logs it now, and comes back here; the form's id makes a double click log it once. */
function LogNow({ ui, c, what, scope }: { ui: Ui; c: Named; what: keyof typeof ONE_CLICK; scope: TodayScope }) {
  const log = ONE_CLICK[what];
  return (
    <PostForm ui={ui} action={`/admin/customers/${encodeURIComponent(c.id)}/interactions`} class="inline">
      <input type="hidden" name="id" value={crypto.randomUUID()} />
      <input type="hidden" name="kind" value={log.kind} />
      <input type="hidden" name="direction" value="out" />
      <input type="hidden" name="summary" value={ui.t(log.summary)} />
      <BackFields back={backFor(scope)} />
      <button type="submit" class="btn small nowrap" aria-label={ui.t(log.named, { name: c.name })}>
        {ui.t(log.label)}
      </button>
    </PostForm>
  );
}

/**
 * Customers to act on: name, tier, the list's own "when" column, the next steps it does not already say (`skip`) and,
 * given `what`, a one-click log.
 */
function ActionTable<R extends Named & { tier: string | null }>(p: {
  ui: Ui;
  d: Today;
  rows: R[];
  whenLabel: string;
  when: (row: R) => Child;
  skip: readonly string[];
  what?: keyof typeof ONE_CLICK;
}) {
  const { ui, d, what } = p;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{ui.t("customers.name")}</th>
            {/* The team's rows name their owner; one colleague's need not. */}
            {d.scope === "team" ? <th>{ui.t("customers.owner")}</th> : null}
            <th>{ui.t("customers.tier")}</th>
            <th>{p.whenLabel}</th>
            <th>{ui.t("detail.next")}</th>
            {what ? (
              <th>
                <span class="sr-only">{ui.t(ONE_CLICK[what].label)}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((c) => (
            <tr data-customer={c.id}>
              <Customer ui={ui} c={c} />
              {d.scope === "team" ? (
                <td class={c.ownerName ? "" : "muted"}>{c.ownerName ?? ui.t("customers.ownerNone")}</td>
              ) : null}
              <td>
                <TierBadge ui={ui} tier={c.tier} />
              </td>
              <td class="small">{p.when(c)}</td>
              <Steps ui={ui} notes={d.notes.get(c.id)} skip={p.skip} />
              {what ? (
                <td>
                  <LogNow ui={ui} c={c} what={what} scope={d.scope} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Emails waiting for my reply, the earliest deadline first; a late one is marked. */
function RepliesTable({ ui, d, nowIso }: { ui: Ui; d: Today; nowIso: string }) {
  return (
    <ActionTable
      ui={ui}
      d={d}
      rows={d.replies}
      whenLabel={ui.t("today.replyBy")}
      skip={REPLY_CODES}
      what="reply"
      when={(c) => {
        const late = c.replyBy < nowIso;
        return (
          <>
            <span class={late ? "badge credit-hold" : "badge"}>{ui.dateTime(c.replyBy)}</span>
            {late ? <div class="muted">{ui.t("today.replyLate")}</div> : null}
          </>
        );
      }}
    />
  );
}

/** My follow-ups due: how late, and the last contact. */
function DueTable({ ui, d, day }: { ui: Ui; d: Today; day: string }) {
  return (
    <ActionTable
      ui={ui}
      d={d}
      rows={d.due}
      whenLabel={ui.t("customers.nextFollowUp")}
      skip={FOLLOW_UP_CODES}
      what="call"
      when={(c) => {
        const when = lateness(ui, c.nextFollowUp, day);
        const last = d.notes.get(c.id)?.lastContact ?? null;
        return (
          <>
            <span class={when.late ? "badge credit-hold" : "badge"}>{when.text}</span>
            <div class="muted nowrap">
              {last ? ui.t("today.lastContact", { date: ui.date(last) }) : ui.t("today.neverContacted")}
            </div>
          </>
        );
      }}
    />
  );
}

/** My customers on credit hold or watch, the largest overdue first: the rating and the amount overdue. */
function CreditTable({ ui, d }: { ui: Ui; d: Today }) {
  return (
    <ActionTable
      ui={ui}
      d={d}
      rows={d.credit}
      whenLabel={ui.t("customers.credit")}
      skip={[]}
      when={(c) => (
        <>
          <CreditBadge ui={ui} rating={c.credit} />
          {c.overdueAmount ? <div>{ui.moneyRound(Math.round(c.overdueAmount * 100))}</div> : null}
        </>
      )}
    />
  );
}

/** Mine or the team's, for those who may see the team (a rep asking for it gets their own). */
function ScopeSwitch({ ui, scope, colleagues }: { ui: Ui; scope: TodayScope; colleagues: User[] }) {
  const chosen = typeof scope === "object" ? scope.owner : "";
  return (
    <div class="scope-bar">
      <nav class="scope-switch" aria-label={ui.t("today.scope")}>
        <a href="/admin/today" aria-current={scope === "mine" ? "true" : undefined}>
          {ui.t("today.mine")}
        </a>
        <a href="/admin/today?team=1" aria-current={scope === "mine" ? undefined : "true"}>
          {ui.t("today.team")}
        </a>
      </nav>
      {/* In the team's view, one colleague's day: a plain GET form (the admin UI runs no script). */}
      {scope === "mine" ? null : (
        <form method="get" action="/admin/today" class="scope-owner">
          <input type="hidden" name="team" value="1" />
          <label for="today-owner">{ui.t("today.colleague")}</label>
          <select id="today-owner" name="owner">
            <option value="">{ui.t("today.everyone")}</option>
            {colleagues.map((u) => (
              <option value={u.id} selected={u.id === chosen}>
                {u.name}
              </option>
            ))}
          </select>
          <button type="submit" class="btn small secondary">
            {ui.t("today.show")}
          </button>
        </form>
      )}
    </div>
  );
}

/** The view asked for: a colleague's day or the team's for those who may see them, else the caller's own. */
function scopeOf(query: (name: string) => string | undefined, seesTeam: boolean, colleagues: User[]): TodayScope {
  if (!seesTeam || query("team") !== "1") return "mine";
  const owner = query("owner");
  // Only a user of this workspace: any other id shows the whole team, as "Everyone" does.
  return owner && colleagues.some((u) => u.id === owner) ? { owner } : "team";
}

today.get("/", requireSession, async (c) => {
  const { ui, caller } = pageContext(c);
  const day = todayIn(c.var.session?.timeZone ?? "Asia/Shanghai");
  const nowIso = new Date().toISOString();
  const seesTeam = caller.role !== "rep";
  const colleagues = seesTeam ? await listUsers(c.var.db, caller.workspaceId) : [];
  const scope = scopeOf((name) => c.req.query(name), seesTeam, colleagues);
  const d = await loadToday(c.var.db, caller, day, nowIso, scope);
  const LINKS = linksFor(scope);
  const text = SCOPED_TEXT[typeof scope === "object" ? "team" : scope];
  const ownerName = typeof scope === "object" ? colleagues.find((u) => u.id === scope.owner)?.name : undefined;
  const { counts } = d;
  const dueTotal = counts.overdue + counts.dueToday;
  const creditTotal = counts.hold + counts.watch;
  return render(
    c,
    <Page
      ui={ui}
      title={ui.t("nav.today")}
      caller={caller}
      notice={noticeOf(c, ui)}
      noticeAction={<NoticeUndo c={c} ui={ui} back={backFor(scope)} />}
      wide
    >
      {seesTeam ? <ScopeSwitch ui={ui} scope={scope} colleagues={colleagues} /> : null}
      <p class="muted">
        {ownerName === undefined
          ? ui.t(text.intro, { date: ui.date(day) })
          : ui.t("today.introOwner", { date: ui.date(day), name: ownerName })}
      </p>
      <div class="kpis">
        <Kpi value={String(counts.replies)} label={ui.t(text.kpiReplies)} href={LINKS.replies} />
        <Kpi value={String(counts.overdue)} label={ui.t("today.kpiOverdue")} href={LINKS.overdue} />
        <Kpi value={String(counts.dueToday)} label={ui.t("today.kpiDueToday")} href={LINKS.due} />
        <Kpi value={String(creditTotal)} label={ui.t("today.kpiCredit")} href={LINKS.credit} />
        <Kpi value={ui.moneyRound(counts.overdueAmount)} label={ui.t("today.kpiReceivables")} href={LINKS.credit} />
      </div>
      <section class="card" aria-labelledby="replies-h">
        <h2 id="replies-h">{ui.t("today.replies")}</h2>
        {d.replies.length === 0 ? (
          <p class="empty">{ui.t(text.repliesNone)}</p>
        ) : (
          <RepliesTable ui={ui} d={d} nowIso={nowIso} />
        )}
        {counts.replies > d.replies.length ? (
          <p>
            <a href={LINKS.replies}>{ui.t("today.all", { count: counts.replies })}</a>
          </p>
        ) : null}
      </section>
      <section class="card" aria-labelledby="due-h">
        <h2 id="due-h">{ui.t("today.due")}</h2>
        {d.due.length === 0 ? <p class="empty">{ui.t(text.dueNone)}</p> : <DueTable ui={ui} d={d} day={day} />}
        {d.dueMore ? (
          <p>
            <a href={LINKS.due}>{ui.t("today.all", { count: dueTotal })}</a>
          </p>
        ) : null}
      </section>
      <section class="card" aria-labelledby="credit-h">
        <h2 id="credit-h">{ui.t("today.credit")}</h2>
        {d.credit.length === 0 ? <p class="empty">{ui.t(text.creditNone)}</p> : <CreditTable ui={ui} d={d} />}
        {d.creditMore ? (
          <p>
            <a href={LINKS.credit}>{ui.t("today.all", { count: creditTotal })}</a>
          </p>
        ) : null}
      </section>
    </Page>,
  );
});
