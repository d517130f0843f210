// /admin: the dashboard for admins and managers (pyramid, Pareto, tiers, migration, funnel, compliance, watchlists).
import { Hono } from "hono";
import { TIERS } from "../../../../shared/grade/types";
import { requireSession } from "../../middleware/session";
import type { AdminEnv } from "../env";
import { todayIn } from "../lib/zoned-time";
import { noticeOf, pageContext, render } from "../render";
import { BarChart } from "../ui/charts/bars";
import { ParetoChart } from "../ui/charts/pareto";
import { PyramidChart } from "../ui/charts/pyramid";
import { PostForm } from "../ui/form";
import { Page } from "../ui/layout";
import { loadDashboard } from "./data";
import { Compliance, Funnel, MigrationMatrix, WatchList } from "./sections";

const TIER_COLORS: Record<string, string> = { A: "#1f8a5b", B: "#2f6fd1", C: "#7a8494" };

export const home = new Hono<AdminEnv>();

home.get("/", requireSession, async (c) => {
  const { ui, caller } = pageContext(c);
  // A rep's home is their own day: whom to follow up, whose credit to watch.
  if (caller.role === "rep") return c.redirect("/admin/today", 303);
  const d = await loadDashboard(c.var.db, caller.workspaceId, todayIn(c.var.session?.timeZone ?? "Asia/Shanghai"));
  const ws = d.report;
  const notice = noticeOf(c, ui);
  if (!ws || ws.customers === 0) {
    return render(
      c,
      <Page ui={ui} title={ui.t("nav.dashboard")} caller={caller} notice={notice} wide>
        <div class="card">
          <p class="empty">{ui.t("dash.empty")}</p>
          {caller.role === "admin" ? (
            <div class="actions">
              <PostForm ui={ui} action="/admin/import/regrade">
                <button type="submit" class="btn">
                  {ui.t("import.regradeButton")}
                </button>
              </PostForm>
              <a class="btn secondary" href="/admin/import">
                {ui.t("nav.import")}
              </a>
            </div>
          ) : null}
        </div>
      </Page>,
    );
  }
  return render(
    c,
    <Page ui={ui} title={ui.t("nav.dashboard")} caller={caller} notice={notice} wide>
      <p class="muted">{ui.t("dash.asOf", { date: ui.date(ws.asOf), version: String(ws.configVersion) })}</p>
      <div class="kpis">
        <div class="kpi">
          <b>{String(ws.customers)}</b>
          <span>{ui.t("dash.kpiCustomers")}</span>
        </div>
        <div class="kpi">
          <b>{String(ws.tierCounts.A)}</b>
          <span>{ui.tk("tier.A")}</span>
        </div>
        <div class="kpi">
          <b>{String(ws.keyAccounts)}</b>
          <span>{ui.t("dash.kpiKey")}</span>
        </div>
        <div class="kpi">
          <b>{ui.moneyRound(ws.overdueTotal)}</b>
          <span>{ui.t("dash.kpiOverdue")}</span>
        </div>
        <div class="kpi">
          <b>{String(ws.highChurn)}</b>
          <span>{ui.t("dash.kpiChurn")}</span>
        </div>
      </div>
      <div class="grid two charts">
        <section class="card" aria-labelledby="pyr-h">
          <h2 id="pyr-h">{ui.t("dash.pyramid")}</h2>
          <PyramidChart ui={ui} counts={ws.pyramid} />
        </section>
        <section class="card" aria-labelledby="par-h">
          <h2 id="par-h">{ui.t("dash.pareto")}</h2>
          {ws.pareto.total > 0 ? (
            <ParetoChart ui={ui} pareto={ws.pareto} />
          ) : (
            <p class="empty">{ui.t("dash.noOrders")}</p>
          )}
        </section>
        <section class="card" aria-labelledby="tiers-h">
          <h2 id="tiers-h">{ui.t("dash.tiers")}</h2>
          {/* Side by side when the card spans the row (two chart columns), stacked in a third of it. */}
          <div class="grid two">
            <BarChart
              ui={ui}
              title={ui.t("dash.tiers")}
              bars={TIERS.map((t) => ({ label: ui.tk(`tier.${t}`), value: ws.tierCounts[t], color: TIER_COLORS[t] }))}
            />
            <div>
              <h3>{ui.t("dash.migration")}</h3>
              <MigrationMatrix ui={ui} rows={d.migration} />
            </div>
          </div>
        </section>
      </div>
      {/* Funnel and compliance side by side, each watchlist across the page: at a third of the width the tables were cut off. */}
      <div class="grid pairs spaced">
        <section class="card" aria-labelledby="fun-h">
          <h2 id="fun-h">{ui.t("dash.funnel")}</h2>
          <Funnel ui={ui} funnel={ws.funnel} />
        </section>
        <section class="card" aria-labelledby="comp-h">
          <h2 id="comp-h">{ui.t("dash.followUps")}</h2>
          <Compliance ui={ui} reps={d.compliance} />
        </section>
        <section class="card full" aria-labelledby="cw-h">
          <h2 id="cw-h">{ui.t("dash.creditWatch")}</h2>
          <WatchList ui={ui} rows={d.creditWatch} empty={ui.t("dash.noCreditWatch")} />
        </section>
        <section class="card full" aria-labelledby="churn-h">
          <h2 id="churn-h">{ui.t("dash.churnRisk")}</h2>
          <WatchList ui={ui} rows={d.churnRisk} empty={ui.t("dash.noChurn")} />
        </section>
      </div>
    </Page>,
  );
});
