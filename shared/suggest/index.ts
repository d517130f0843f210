// Next steps (DOMAIN.md §5): every suggestion with its code, priority, due date and the facts behind it.
import type { ScoringConfig } from "../config";
import { dayNumber } from "../dates";
import { STAGE_PATH } from "../funnel";
import { sortSmall } from "../grade/small-sort";
import type { CustomerGrade, Suggestion } from "../grade/types";
import type { CustomerRecord, PreviousGrade } from "../records";
import { replyBy } from "../service";
import { tierRank } from "../tier";
import { make, sharedSuggestion, sharedTitle, TITLE_KEYS, titled } from "./build";

export { SUGGESTION_PRIORITY } from "./build";
export { crossSellProducts } from "./cross-sell";

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
