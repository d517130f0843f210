// Card for a known customer: tier and its top reasons, credit and overdue, churn, reply-by, next steps, link to the admin UI.
import { useEffect, useState } from "preact/hooks";
import type { LookupCustomer } from "../../../shared/contract/lookup";
import type { Translate } from "../../lib/i18n";
import type { CardReply } from "../../lib/messages";
import { replyByMs } from "../../lib/reply-by";
import { ask } from "../send";
import { formatMoney, formatWhen } from "../use-locale";
import type { CardParams } from "./Card";
import { NextSteps } from "./NextSteps";

const RATINGS = ["good", "fair", "watch", "hold", "unknown"] as const;
const CHURN = ["none", "medium", "high"] as const;

interface Reason {
  label: string;
  points: number;
  max: number;
}

/** The three criteria that brought the most points (from GET /customers/{id}). */
function useReasons(id: string): Reason[] {
  const [reasons, setReasons] = useState<Reason[]>([]);
  useEffect(() => {
    void ask({ type: "customer", id }).then((r) => {
      const criteria = r?.detail?.grade?.scorecard?.criteria ?? [];
      const top = [...criteria].filter((c) => c.max > 0).sort((a, b) => b.points - a.points || b.max - a.max);
      setReasons(top.slice(0, 3).map((c) => ({ label: c.id.replace(/[-_]/g, " "), points: c.points, max: c.max })));
    });
  }, [id]);
  return reasons;
}

export function CustomerView(props: { reply: CardReply; customer: LookupCustomer; params: CardParams; t: Translate }) {
  const { reply, customer: c, params, t } = props;
  const reasons = useReasons(c.id);
  const rating = RATINGS.find((r) => r === c.credit.rating) ?? "unknown";
  const churn = CHURN.find((r) => r === c.churn) ?? null;
  const tier = c.tier && /^[ABC]$/.test(c.tier) ? c.tier : null;
  const due =
    params.context !== "page" && params.receivedAt
      ? replyByMs(params.receivedAt, c.serviceLevel, Intl.DateTimeFormat().resolvedOptions().timeZone)
      : null;
  return (
    <div>
      <h1>{c.name}</h1>
      <p class="muted">{params.email}</p>
      <div class="row" data-testid="tier">
        <span class={`tier tier-${tier ?? "none"}`}>{tier ?? "·"}</span>
        <span>{tier ? t("chip.tier", { tier }) : t("chip.ungraded")}</span>
        {c.keyAccount && <span>★ {t("card.keyAccount")}</span>}
        {c.negativeValue && <span class="late">{t("card.negativeValue")}</span>}
      </div>
      {reasons.length > 0 && (
        <p class="muted">
          {t("card.reasons")}: {reasons.map((r) => `${r.label} ${Math.round(r.points)}/${r.max}`).join(" · ")}
        </p>
      )}
      <div class="row" data-testid="credit">
        <span class={`dot dot-${rating}`} />
        <span>
          {t("card.credit")}: {t(`credit.${rating}`)}
        </span>
        {(c.credit.overdueAmount ?? 0) > 0 && (
          <span class="late">
            {t("card.overdue", { amount: formatMoney(c.credit.overdueAmount ?? 0, reply.currency, reply.locale) })}
          </span>
        )}
      </div>
      {churn && churn !== "none" && (
        <p class={churn === "high" ? "late" : ""}>
          {t("card.churn")}: {t(`churn.${churn}`)}
        </p>
      )}
      {due !== null && (
        <p data-testid="reply-by" class={due < Date.now() ? "late" : ""}>
          {due < Date.now() ? t("card.replyLate") : t("card.replyBy")}: {formatWhen(due, reply.locale)}
        </p>
      )}
      <NextSteps customerId={c.id} suggestions={c.suggestions} locale={reply.locale} currency={reply.currency} t={t} />
      {reply.serverUrl && (
        <p>
          <a
            href={`${reply.serverUrl}/admin/customers/${encodeURIComponent(c.id)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t("card.open")}
          </a>
        </p>
      )}
    </div>
  );
}
