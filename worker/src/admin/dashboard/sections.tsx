// Dashboard panels drawn as tables: grade migration matrix, funnel and forecast, follow-up compliance, watchlists.
import type { FunnelReport } from "../../../../shared/grade/types";
import type { Ui } from "../i18n";
import { ChurnBadge, CreditBadge, TierBadge } from "../ui/badges";
import { BarChart } from "../ui/charts/bars";
import type { Dashboard, WatchRow } from "./data";

const RANK: Record<string, number> = { A: 0, B: 1, C: 2 };

export function MigrationMatrix({ ui, rows }: { ui: Ui; rows: Dashboard["migration"] }) {
  const from = ["A", "B", "C", "new"];
  const to = ["A", "B", "C"];
  const count = (f: string, t: string) => rows.find((r) => r.from === f && r.to === t)?.count ?? 0;
  const cls = (f: string, t: string) =>
    f === "new" ? undefined : f === t ? "diag" : (RANK[t] ?? 0) < (RANK[f] ?? 0) ? "up" : "down";
  return (
    <div class="table-wrap">
      <table class="matrix">
        <caption class="muted small">{ui.t("dash.migrationCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">
              {ui.t("dash.monthAgo")} ↓ / {ui.t("dash.now")} →
            </th>
            {to.map((t) => (
              <th scope="col">{t}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {from.map((f) => (
            <tr>
              <th scope="row">{f === "new" ? ui.t("dash.newlyGraded") : f}</th>
              {to.map((t) => (
                <td class={cls(f, t)}>{String(count(f, t))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Funnel({ ui, funnel }: { ui: Ui; funnel: FunnelReport & { staleCount?: number } }) {
  const open = funnel.byStage.filter((s) => s.stage !== "lost");
  if (open.every((s) => s.count === 0)) return <p class="empty">{ui.t("dash.noOpportunities")}</p>;
  const period = (rows: FunnelReport["months"]) => (
    <BarChart
      ui={ui}
      title={ui.t("dash.forecast")}
      bars={rows.map((r) => ({
        label: r.period,
        value: r.weighted,
        text: ui.moneyRound(r.weighted),
        color: "#1f8a5b",
      }))}
    />
  );
  return (
    <>
      <BarChart
        ui={ui}
        centered
        title={ui.t("dash.funnel")}
        bars={open.map((s) => ({
          label: ui.tk(`stage.${s.stage}`),
          value: s.count,
          text: `${s.count} · ${ui.moneyRound(s.amount)}`,
        }))}
      />
      <h3>{ui.t("dash.conversion")}</h3>
      <ul class="legend">
        {funnel.conversion.map((cv) => (
          <li>{`${ui.tk(`stage.${cv.from}`)} → ${ui.tk(`stage.${cv.to}`)}: ${ui.percent(cv.rate)}`}</li>
        ))}
      </ul>
      <div class="grid two">
        <div>
          <h3>{ui.t("dash.byMonth")}</h3>
          {funnel.months.length ? period(funnel.months) : <p class="muted">—</p>}
        </div>
        <div>
          <h3>{ui.t("dash.byQuarter")}</h3>
          {funnel.quarters.length ? period(funnel.quarters) : <p class="muted">—</p>}
        </div>
      </div>
      {(funnel.staleCount ?? funnel.stale.length) ? (
        <p class="muted small">{ui.t("dash.stale", { n: funnel.staleCount ?? funnel.stale.length })}</p>
      ) : null}
    </>
  );
}

export function Compliance({ ui, reps }: { ui: Ui; reps: Dashboard["compliance"] }) {
  if (reps.length === 0) return <p class="empty">{ui.t("dash.noData")}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{ui.t("customers.owner")}</th>
            {["A", "B", "C"].map((t) => (
              <th class="num">{ui.t("dash.overdueOf", { tier: t })}</th>
            ))}
            <th class="num">{ui.t("dash.compliance")}</th>
          </tr>
        </thead>
        <tbody>
          {reps.map((r) => {
            const cells = Object.values(r.byTier);
            const total = cells.reduce((s, c) => s + c.customers, 0);
            const overdue = cells.reduce((s, c) => s + c.overdue, 0);
            return (
              <tr>
                <td>{r.ownerName ?? ui.t("customers.ownerNone")}</td>
                {["A", "B", "C"].map((t) => {
                  const c = r.byTier[t];
                  if (!c) return <td class="num">—</td>;
                  // The overdue count opens the list of those customers; both count as of today.
                  const owner = encodeURIComponent(r.ownerId ?? "none");
                  return (
                    <td class="num">
                      {c.overdue > 0 ? (
                        <a href={`/admin/customers?owner=${owner}&tier=${t}&followUp=overdue`}>{c.overdue}</a>
                      ) : (
                        c.overdue
                      )}{" "}
                      / {c.customers}
                    </td>
                  );
                })}
                <td class="num">{ui.percent(total ? 1 - overdue / total : null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function WatchList({ ui, rows, empty }: { ui: Ui; rows: WatchRow[]; empty: string }) {
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{ui.t("customers.name")}</th>
            <th>{ui.t("customers.tier")}</th>
            <th>{ui.t("customers.credit")}</th>
            <th class="num">{ui.t("customers.overdue")}</th>
            <th>{ui.t("customers.churn")}</th>
            <th>{ui.t("customers.owner")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/admin/customers/${encodeURIComponent(r.id)}`}>{r.name}</a>
              </td>
              <td>
                <TierBadge ui={ui} tier={r.tier} />
              </td>
              <td>
                <CreditBadge ui={ui} rating={r.credit} />
              </td>
              <td class="num">{r.overdueAmount ? ui.moneyRound(r.overdueAmount) : "—"}</td>
              <td>
                <ChurnBadge ui={ui} risk={r.churn} />
              </td>
              <td class="small">{r.ownerName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
