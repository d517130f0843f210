// Next steps (DOMAIN.md §5): every suggestion with its code, priority, due date and the facts behind it.
import type { ScoringConfig } from "../config";
import { dayNumber } from "../dates";
import { STAGE_PATH } from "../funnel";
import { sortSmall } from "../grade/small-sort";
import type { CustomerGrade, Suggestion, SuggestionCode, SuggestionPriority } from "../grade/types";
import type { CustomerRecord, PreviousGrade } from "../records";
import { replyBy } from "../service";
import { tierRank } from "../tier";

export { crossSellProducts } from "./cross-sell";

/** Default priority of each code: 1 act now … 5 when there is time. */
export const SUGGESTION_PRIORITY: Record<SuggestionCode, SuggestionPriority> = {
  "credit-hold": 1,
  "collect-overdue": 2,
  "reply-due": 1,
  "follow-up-overdue": 2,
  "grade-drop": 2,
  "churn-risk": 3,
  "follow-up-due": 3,
  "advance-opportunity": 3,
  "promote-key-account": 3,
  "find-decision-maker": 3,
  "verify-legal": 3,
  "qualify-need": 4,
  "qualify-budget": 4,
  "cross-sell": 4,
  "reduce-service": 4,
  "rate-criteria": 5,
};

export interface SuggestContext {
  customer: CustomerRecord;
  grade: Pick<
    CustomerGrade,
    "tier" | "keyAccount" | "negativeValue" | "credit" | "churn" | "man" | "serviceLevel" | "facts" | "value"
  >;
  unrated: readonly string[];
  unansweredEmail: string | null;
  stale: readonly { opportunityId: string; stage: string; days: number }[];
  crossSell: readonly string[];
  previous: PreviousGrade | undefined;
  asOf: string;
  config: ScoringConfig;
}

const TITLE_KEYS = Object.fromEntries(Object.keys(SUGGESTION_PRIORITY).map((c) => [c, `suggest.${c}`])) as Record<
  SuggestionCode,
  string
>;

/** Titles without parameters are the same for every customer: one frozen object per code. */
const BARE_TITLES = Object.fromEntries(
  Object.keys(SUGGESTION_PRIORITY).map((c) => [c, Object.freeze({ key: `suggest.${c}` })]),
) as Record<SuggestionCode, Suggestion["title"]>;

/**
 * One suggestion, built whole in one literal (due last, as before): a property added afterwards would give every
 * dated suggestion an out-of-object property store, and 100k customers keep their suggestions alive.
 */
function make(
  code: SuggestionCode,
  facts: Suggestion["facts"],
  params?: Record<string, string | number>,
  due?: string,
  priority: SuggestionPriority = SUGGESTION_PRIORITY[code],
): Suggestion {
  return titled(code, facts, params ? { key: TITLE_KEYS[code], params } : BARE_TITLES[code], due, priority);
}

function titled(
  code: SuggestionCode,
  facts: Suggestion["facts"],
  title: Suggestion["title"],
  due?: string,
  priority: SuggestionPriority = SUGGESTION_PRIORITY[code],
): Suggestion {
  return due === undefined ? { code, priority, title, facts } : { code, priority, title, facts, due };
}

/*
 * Grades of a whole workspace stay in memory together, so what repeats across customers is built once and shared
 * (frozen; grades are read and stored as JSON, never edited): titles whose one parameter is a day count or a date,
 * and whole suggestions whose facts are a few enumerated values. Same JSON, a tenth fewer objects to keep.
 */
const titles = new Map<SuggestionCode, Map<string | number, Suggestion["title"]>>();

/** The inner map of `outer` at `key`, made on first use. */
function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = outer.get(key);
  if (!map) {
    map = new Map();
    outer.set(key, map);
  }
  return map;
}

/** The title of `code` with its one parameter `name` = `value`, one frozen object per code and value. */
function sharedTitle(code: SuggestionCode, name: string, value: string | number): Suggestion["title"] {
  const byValue = inner(titles, code);
  let title = byValue.get(value);
  if (!title) {
    title = Object.freeze({ key: TITLE_KEYS[code], params: Object.freeze({ [name]: value }) });
    // Values repeat (days, dates); a bound keeps a run over odd data from growing it without end.
    if (byValue.size > 10_000) byValue.clear();
    byValue.set(value, title);
  }
  return title;
}

/** A suggestion that depends only on a (and b), each from a small enumeration: built and frozen once per value. */
function sharedSuggestion<A, B = undefined>(build: (a: A, b: B) => Suggestion): (a: A, b?: B) => Suggestion {
  const byA = new Map<A, Map<B | undefined, Suggestion>>();
  return (a, b) => {
    const byB = inner(byA, a);
    let s = byB.get(b);
    if (!s) {
      s = build(a, b as B);
      Object.freeze(s.facts);
      Object.freeze(s.title.params);
      Object.freeze(s.title);
      byB.set(b, Object.freeze(s));
    }
    return s;
  };
}

const findDecisionMaker = sharedSuggestion((authority: string) => make("find-decision-maker", { authority }));
const qualifyNeed = sharedSuggestion((need: string) => make("qualify-need", { need }));
const qualifyBudget = sharedSuggestion((money: string) => make("qualify-budget", { money }));
const verifyLegal = sharedSuggestion((kind: string, lifecycleStage: string) =>
  make("verify-legal", { kind, lifecycleStage }, {}, undefined, lifecycleStage === "target" ? 2 : undefined),
);
const promoteKeyAccount = sharedSuggestion((tier: string, previouslyKey: boolean | null) =>
  make("promote-key-account", { tier, previouslyKey }),
);
const gradeDrop = sharedSuggestion((from: string, to: string) => make("grade-drop", { from, to }, { from, to }));

/**
 * Sort: priority, then due (undated last), then code, so equal inputs give equal lists.
 * @example
 * suggestions.sort(compareSuggestions)
 */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.due !== b.due) return a.due === undefined ? 1 : b.due === undefined ? -1 : a.due < b.due ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function creditAndFollowUp(ctx: SuggestContext, out: Suggestion[]): void {
  const { grade: g, asOf, config } = ctx;
  const c = g.credit;
  if (c.rating === "hold")
    out.push(
      titled(
        "credit-hold",
        { rating: c.rating, overdueAmount: c.overdueAmount, onTimeShare: c.onTimeShare, overLimit: c.overLimit },
        c.overdueAmount > 0
          ? { key: TITLE_KEYS["credit-hold"], params: { amount: c.overdueAmount, days: c.oldestOverdueDays } }
          : // On hold for its payment history alone (late payers, nothing open): say that, not "0.00 overdue".
            {
              key: "suggest.credit-hold.late",
              params: { percent: Math.round((c.onTimeShare ?? 0) * 100), days: c.maxDaysLate },
            },
      ),
    );
  if (c.overdueAmount > 0)
    out.push(
      make(
        "collect-overdue",
        { overdueAmount: c.overdueAmount, oldestOverdueDays: c.oldestOverdueDays },
        { amount: c.overdueAmount, days: c.oldestOverdueDays },
        asOf,
        c.oldestOverdueDays > config.credit.hold.overdueDays ? 1 : 2,
      ),
    );
  if (ctx.unansweredEmail) out.push(replySuggestion(ctx.unansweredEmail, g, config));
  const followUp = followUpSuggestion(g, asOf, config);
  if (followUp) out.push(followUp);
}

/**
 * `reply-due` for an incoming email received at `receivedAt` and not answered since: due by the tier's reply target.
 * @example
 * replySuggestion("2026-11-27T07:00:00Z", gradeOfTierA, defaultConfig()).due // Friday 15:00 Shanghai + 4 h → "2026-11-27T11:00:00.000Z"
 */
export function replySuggestion(
  receivedAt: string,
  grade: Pick<CustomerGrade, "tier" | "serviceLevel">,
  config: ScoringConfig,
): Suggestion {
  const due = replyBy(receivedAt, grade.tier, config);
  return make("reply-due", { receivedAt, replyHours: grade.serviceLevel.replyHours }, { due }, due);
}

/**
 * The follow-up step the service level calls for as of `asOf`: `follow-up-overdue` once the next follow-up has
 * passed, `follow-up-due` within the due window before it, else null.
 * @example
 * followUpSuggestion(grade, "2026-03-01", defaultConfig())?.code // "follow-up-overdue" when nextFollowUp is "2026-02-20"
 */
export function followUpSuggestion(
  grade: Pick<CustomerGrade, "serviceLevel" | "facts">,
  asOf: string,
  config: ScoringConfig,
): Suggestion | null {
  const next = grade.serviceLevel.nextFollowUp;
  const lastContact = grade.facts.lastContact;
  const cadenceDays = grade.serviceLevel.cadenceDays;
  const today = dayNumber(asOf);
  const nextDay = dayNumber(next);
  // Facts objects built only for the suggestion emitted, each in one literal (one shape per code).
  if (nextDay < today) {
    const daysOverdue = today - nextDay;
    return titled(
      "follow-up-overdue",
      { lastContact, cadenceDays, daysOverdue },
      sharedTitle("follow-up-overdue", "days", daysOverdue),
      next,
    );
  }
  if (nextDay <= today + config.service.followUpDueDays)
    return titled("follow-up-due", { lastContact, cadenceDays }, sharedTitle("follow-up-due", "due", next), next);
  return null;
}

function qualification(ctx: SuggestContext, out: Suggestion[]): void {
  const { customer, grade: g, config } = ctx;
  if (config.man.stages.includes(customer.lifecycleStage)) {
    if (g.man.authority !== "yes") out.push(findDecisionMaker(g.man.authority));
    if (g.man.need === "unknown") out.push(qualifyNeed(g.man.need));
    if (g.man.money === "unknown") out.push(qualifyBudget(g.man.money));
  }
  if (customer.kind !== "individual" && !customer.legalVerified && customer.lifecycleStage !== "lost")
    out.push(verifyLegal(customer.kind, customer.lifecycleStage));
  const stale = ctx.stale;
  for (let i = 0; i < stale.length; i++) {
    const s = stale[i] as SuggestContext["stale"][number];
    const nextStage = STAGE_PATH[STAGE_PATH.indexOf(s.stage as (typeof STAGE_PATH)[number]) + 1] ?? s.stage;
    out.push(
      make(
        "advance-opportunity",
        { opportunityId: s.opportunityId, stage: s.stage, nextStage, days: s.days },
        { stage: `stage.${nextStage}`, days: s.days },
        ctx.asOf,
      ),
    );
  }
}

function accountChanges(ctx: SuggestContext, out: Suggestion[]): void {
  const { grade: g, previous } = ctx;
  if (g.churn !== "none") {
    const f = g.facts;
    out.push(
      titled(
        "churn-risk",
        {
          risk: g.churn,
          recencyDays: f.recencyDays,
          cycleDays: f.cycleDays,
          revenueLast6Months: f.revenueLast6Months,
          revenuePrevious6Months: f.revenuePrevious6Months,
        },
        sharedTitle("churn-risk", "days", f.recencyDays ?? 0),
        undefined,
        g.churn === "high" ? 2 : undefined,
      ),
    );
  }
  if (ctx.crossSell.length)
    out.push(
      make(
        "cross-sell",
        { products: ctx.crossSell.join(", "), count: ctx.crossSell.length },
        { products: ctx.crossSell.join(", ") },
      ),
    );
  if (g.keyAccount && previous?.keyAccount !== true)
    out.push(promoteKeyAccount(g.tier, previous ? previous.keyAccount : null));
  if (previous && tierRank(g.tier) > tierRank(previous.tier)) out.push(gradeDrop(previous.tier, g.tier));
  if (g.negativeValue)
    out.push(
      make(
        "reduce-service",
        { actualValue: g.value.actualValue, serviceCost: g.facts.serviceCost },
        { amount: g.facts.serviceCost },
      ),
    );
  if (ctx.unrated.length)
    out.push(
      make(
        "rate-criteria",
        { criteria: ctx.unrated.join(", "), count: ctx.unrated.length },
        { count: ctx.unrated.length },
      ),
    );
}

/**
 * Every suggestion that applies to one customer, sorted by priority then due date.
 * @example
 * suggestFor(ctx).map((s) => s.code) // ["credit-hold", "collect-overdue", "follow-up-overdue", "rate-criteria"]
 */
export function suggestFor(ctx: SuggestContext): Suggestion[] {
  const out = scratch;
  out.length = 0;
  creditAndFollowUp(ctx, out);
  qualification(ctx, out);
  accountChanges(ctx, out);
  if (out.length > 1) sortSmall(out, compareSuggestions);
  // A list grown by push keeps room for 17; the copy holds exactly its suggestions (grades live as long as the report).
  const list = out.slice();
  out.length = 0;
  return list;
}

/** Reused between customers while a list is built; only its exact-size copy leaves suggestFor. */
const scratch: Suggestion[] = [];
