// Small labelled marks: tier, credit rating, churn risk, key account, negative value.
import type { Ui } from "../i18n";

export function TierBadge({ ui, tier, big }: { ui: Ui; tier: string | null | undefined; big?: boolean }) {
  if (!tier) return <span class="muted">{ui.t("customers.ungraded")}</span>;
  return (
    <span class={`badge tier tier-${tier}${big ? " tier-big" : ""}`} title={ui.tk(`tier.${tier}`)}>
      {tier}
    </span>
  );
}

export function CreditBadge({ ui, rating }: { ui: Ui; rating: string | null | undefined }) {
  if (!rating) return null;
  return <span class={`badge credit-${rating}`}>{ui.tk(`credit.${rating}`)}</span>;
}

export function ChurnBadge({ ui, risk }: { ui: Ui; risk: string | null | undefined }) {
  if (!risk || risk === "none") return <span class="muted small">—</span>;
  return <span class={`badge churn-${risk}`}>{ui.tk(`churn.${risk}`)}</span>;
}

export function Marks({
  ui,
  keyAccount,
  negative,
}: {
  ui: Ui;
  keyAccount?: boolean | null;
  negative?: boolean | null;
}) {
  return (
    <>
      {keyAccount ? <span class="badge ka">{ui.tk("keyAccount")}</span> : null}
      {negative ? <span class="badge neg">{ui.tk("negativeValue")}</span> : null}
    </>
  );
}
