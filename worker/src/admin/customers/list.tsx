// Customers: filters (tier, credit, owner, key account, churn, RFM segment, value class, follow-up due), search, sort
// and paging.
import type { Context } from "hono";
import {
  CUSTOMER_SORTS,
  type CustomerListItem,
  type CustomerListQuery,
  customerListQuerySchema,
  type User,
} from "../../../../shared/contract";
import { dayNumber, isoDate } from "../../../../shared/dates";
import { CHURN_RISKS, CREDIT_RATINGS, RFM_SEGMENTS, TIERS, VALUE_CLASSES } from "../../../../shared/grade/types";
import { ApiError } from "../../lib/errors";
import { type CustomerListPage, listCustomers } from "../../services/customer-list";
import { listUsers } from "../../services/users";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { todayIn } from "../lib/zoned-time";
import { noticeOf, pageContext, render } from "../render";
import { ChurnBadge, CreditBadge, Marks, TierBadge } from "../ui/badges";
import { Field, Select } from "../ui/form";
import { Page } from "../ui/layout";

const PAGE_SIZE = 25;
const FILTERS = [
  "q",
  "tier",
  "credit",
  "owner",
  "keyAccount",
  "churn",
  "segment",
  "value",
  "followUp",
  "replyDue",
  "sort",
] as const;
/** The follow-up filter's choices, days after today (the reader's) the next follow-up may fall on, and label keys. */
const FOLLOW_UP_CHOICES = [
  ["overdue", -1, "customers.followUpOverdue"],
  ["due", 0, "customers.followUpDue"],
  ["week", 7, "customers.followUpWeek"],
] as const;
const FOLLOW_UP_AHEAD = new Map<string, number>(FOLLOW_UP_CHOICES.map(([value, days]) => [value, days]));

/**
 * The query as the list service wants it; values it would refuse are dropped rather than failing the page. The
 * `cursor` is the service's keyset cursor; `page` only numbers the page for the reader (links count it up and down).
 */
function readQuery(c: Context<AdminEnv>, today: string) {
  const raw: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = c.req.query(k)?.trim();
    if (v) raw[k] = v;
  }
  const ahead = raw.followUp === undefined ? undefined : FOLLOW_UP_AHEAD.get(raw.followUp);
  if (ahead === undefined) delete raw.followUp;
  // Who needs a follow-up is read most overdue first, unless another order is asked for.
  else raw.sort ??= "followUp";
  // Emails waiting for a reply: the earliest deadline first, unless another order is asked for.
  if (raw.replyDue === "true") raw.sort ??= "replyBy";
  const followUpBy = ahead === undefined ? undefined : isoDate(dayNumber(today) + ahead);
  const cursor = c.req.query("cursor") || undefined;
  const page = cursor ? Math.max(2, Math.min(1_000_000, Number.parseInt(c.req.query("page") ?? "2", 10) || 2)) : 1;
  let parsed = customerListQuerySchema.safeParse({ ...raw, followUpBy, limit: PAGE_SIZE, cursor });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
    // A cursor belongs to its filters and sort: when any of them is dropped, start from the first page.
    parsed = customerListQuerySchema.safeParse({ ...raw, followUpBy, limit: PAGE_SIZE });
  }
  return { query: parsed.success ? parsed.data : customerListQuerySchema.parse({ limit: PAGE_SIZE }), raw, page };
}

const opts = (ui: Ui, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ui.tk(`${prefix}.${v}`, v) }));

function Filters({ ui, raw, owners, isRep }: { ui: Ui; raw: Record<string, string>; owners: User[]; isRep: boolean }) {
  const any = ui.t("customers.any");
  const ownerOptions = [
    { value: "me", label: ui.t("customers.ownerMe") },
    { value: "none", label: ui.t("customers.ownerNone") },
    ...(isRep ? [] : owners.map((u) => ({ value: u.id, label: u.name }))),
  ];
  const yesNo = [
    { value: "true", label: ui.t("common.yes") },
    { value: "false", label: ui.t("common.no") },
  ];
  const selects = [
    { name: "tier", label: ui.t("customers.tier"), options: opts(ui, "tier", TIERS) },
    { name: "credit", label: ui.t("customers.credit"), options: opts(ui, "credit", CREDIT_RATINGS) },
    { name: "owner", label: ui.t("customers.owner"), options: ownerOptions },
    { name: "keyAccount", label: ui.t("customers.keyAccount"), options: yesNo },
    { name: "churn", label: ui.t("customers.churn"), options: opts(ui, "churn", CHURN_RISKS) },
    { name: "segment", label: ui.t("customers.segment"), options: opts(ui, "segment", RFM_SEGMENTS) },
    { name: "value", label: ui.t("customers.valueClass"), options: opts(ui, "valueClass", VALUE_CLASSES) },
    {
      name: "followUp",
      label: ui.t("customers.followUp"),
      options: FOLLOW_UP_CHOICES.map(([value, , key]) => ({ value, label: ui.t(key) })),
    },
    { name: "replyDue", label: ui.t("customers.replyDue"), options: yesNo },
  ];
  const sorts = CUSTOMER_SORTS.flatMap((s) => [
    { value: s, label: `${ui.tk(`customers.sort.${s}`)} ↑` },
    { value: `-${s}`, label: `${ui.tk(`customers.sort.${s}`)} ↓` },
  ]);
  return (
    <form method="get" action="/admin/customers" class="card" aria-label={ui.t("customers.search")} data-autosubmit>
      <div class="filters">
        <Field
          label={ui.t("customers.search")}
          name="q"
          type="search"
          value={raw.q}
          placeholder={ui.t("customers.searchHint")}
        />
        {selects.map((f) => (
          <Select label={f.label} name={f.name} value={raw[f.name]} options={f.options} empty={any} />
        ))}
        {/* "Default" sends no sort: by name, or most overdue first once a follow-up filter is chosen. */}
        <Select
          label={ui.t("customers.sort")}
          name="sort"
          value={raw.sort}
          options={sorts}
          empty={ui.t("customers.sortDefault")}
        />
        <div class="actions">
          <button type="submit">{ui.t("customers.apply")}</button>
          <a href="/admin/customers">{ui.t("customers.reset")}</a>
        </div>
      </div>
    </form>
  );
}

function CustomerTable({ ui, items, today }: { ui: Ui; items: CustomerListItem[]; today: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">{ui.t("nav.customers")}</caption>
        <thead>
          <tr>
            <th>{ui.t("customers.name")}</th>
            <th>{ui.t("customers.tier")}</th>
            <th class="num">{ui.t("customers.score")}</th>
            <th>{ui.t("customers.credit")}</th>
            <th class="num">{ui.t("customers.overdue")}</th>
            <th>{ui.t("customers.nextFollowUp")}</th>
            <th>{ui.t("customers.churn")}</th>
            <th class="wide-only">{ui.t("customers.segment")}</th>
            <th class="wide-only">{ui.t("customers.valueClass")}</th>
            <th>{ui.t("customers.owner")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr>
              <td>
                <a href={`/admin/customers/${encodeURIComponent(r.id)}`}>{r.name}</a>{" "}
                <Marks ui={ui} keyAccount={r.keyAccount} negative={r.negativeValue} />
                {r.industry || r.region ? (
                  <div class="muted small">{[r.industry, r.region].filter(Boolean).join(" · ")}</div>
                ) : null}
              </td>
              <td>
                <TierBadge ui={ui} tier={r.tier} />
              </td>
              <td class="num">{ui.number(r.score, 1)}</td>
              <td>
                <CreditBadge ui={ui} rating={r.credit} />
              </td>
              <td class="num">{r.overdueAmount ? ui.moneyRound(Math.round(r.overdueAmount * 100)) : "—"}</td>
              <td class="small">
                {r.nextFollowUp ? ui.date(r.nextFollowUp) : "—"}
                {r.nextFollowUp && r.nextFollowUp < today ? (
                  <>
                    {" "}
                    <span class="badge credit-hold">{ui.t("detail.overdueMark")}</span>
                  </>
                ) : null}
              </td>
              <td>
                <ChurnBadge ui={ui} risk={r.churn} />
              </td>
              <td class="small wide-only">{r.segment ? ui.tk(`segment.${r.segment}`) : "—"}</td>
              <td class="small wide-only">{r.valueClass ? ui.tk(`valueClass.${r.valueClass}`) : "—"}</td>
              <td class="small">{r.ownerName ?? <span class="muted">{ui.t("customers.ownerNone")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A page's link: the filters, plus the cursor and the page's number unless it is the first page. */
function pageHref(raw: Record<string, string>, cursor: string | null, page: number): string {
  const params = new URLSearchParams(raw);
  if (cursor && page > 1) {
    params.set("cursor", cursor);
    params.set("page", String(page));
  }
  const qs = params.toString();
  return `/admin/customers${qs ? `?${qs}` : ""}`;
}

/** The page; a cursor that is stale or not from this sort (an edited address) shows the first page instead. */
async function loadPage(
  c: Context<AdminEnv>,
  query: CustomerListQuery,
): Promise<{ result: CustomerListPage; first: boolean }> {
  const { caller } = pageContext(c);
  try {
    return { result: await listCustomers(c.var.db, caller, query), first: !query.cursor };
  } catch (err) {
    if (!(err instanceof ApiError) || !query.cursor || err.details[0]?.field !== "cursor") throw err;
    return { result: await listCustomers(c.var.db, caller, { ...query, cursor: undefined }), first: true };
  }
}

export async function customerListPage(c: Context<AdminEnv>) {
  const { ui, caller } = pageContext(c);
  const today = todayIn(c.var.session?.timeZone ?? "Asia/Shanghai");
  const { query, raw, page: asked } = readQuery(c, today);
  const [{ result, first }, owners] = await Promise.all([
    loadPage(c, query),
    caller.role === "rep" ? Promise.resolve([]) : listUsers(c.var.db, caller.workspaceId),
  ]);
  // Walking back to the start lands on the first page whatever the counter said.
  const page = first || (result.prevCursor === null && result.items.length > 0) ? 1 : asked;
  return render(
    c,
    <Page ui={ui} title={ui.t("nav.customers")} caller={caller} notice={noticeOf(c, ui)} wide>
      <Filters ui={ui} raw={raw} owners={owners} isRep={caller.role === "rep"} />
      <section class="card" aria-label={ui.t("customers.results")}>
        {result.items.length === 0 ? (
          <p class="empty">{page > 1 ? ui.t("customers.noMore") : ui.t("customers.none")}</p>
        ) : (
          <CustomerTable ui={ui} items={result.items} today={today} />
        )}
        <nav class="pager" aria-label={ui.t("customers.paging")}>
          {page > 1 ? (
            <a href={pageHref(raw, page > 2 ? result.prevCursor : null, page - 1)} rel="prev">
              ← {ui.t("customers.prev")}
            </a>
          ) : null}
          <span class="muted">{ui.t("customers.page", { n: page })}</span>
          {result.nextCursor ? (
            <a href={pageHref(raw, result.nextCursor, page + 1)} rel="next">
              {ui.t("customers.next")} →
            </a>
          ) : null}
        </nav>
      </section>
    </Page>,
  );
}
