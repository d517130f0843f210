// A customer's page: headline grade, explanation, models, credit, orders, opportunities, timeline, history, edits.
import { and, asc, eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { type CustomerDetailResponse, MAX_AHEAD_MS, updateCustomerRequestSchema } from "../../../../shared/contract";
import type { CustomerGrade } from "../../../../shared/grade/types";
import { INTERACTION_KINDS, type InteractionKind } from "../../../../shared/records";
import { gradeHistory } from "../../db/schema";
import { loadActiveConfig } from "../../jobs/active-config";
import { ApiError } from "../../lib/errors";
import { requireSession } from "../../middleware/session";
import { getCustomerDetail, getVisibleCustomer } from "../../services/customer-detail";
import { updateCustomer } from "../../services/customer-update";
import { logInteractions } from "../../services/interactions";
import { listUsers } from "../../services/users";
import type { AdminEnv } from "../env";
import { messageText, problemsFromIssues } from "../lib/validation-text";
import { nowLocal, todayIn, zonedLocalToIso } from "../lib/zoned-time";
import { noticeOf, pageContext, render } from "../render";
import { ChurnBadge, CreditBadge, Marks, TierBadge } from "../ui/badges";
import { HistoryChart } from "../ui/charts/history";
import type { Problems } from "../ui/form";
import { Page } from "../ui/layout";
import { Credit, Opportunities, Orders, Timeline } from "./activity";
import { type Draft, draftValues, EditForm, LogInteractionForm } from "./edit";
import { Models, Scorecard, Suggestions } from "./grade-panels";
import { customerListPage } from "./list";
import { landing, NoticeUndo } from "./undo";

const HISTORY_POINTS = 60;
/** A form's log id, as the API contract takes one. */
const formLogId = z.uuid();

async function detailPage(c: Context<AdminEnv>, problems: Problems = {}, status: 200 | 400 | 409 = 200, draft?: Draft) {
  const { ui, caller } = pageContext(c);
  const db = c.var.db;
  const id = c.req.param("id") ?? "";
  const detail: CustomerDetailResponse = await getCustomerDetail(db, caller, id);
  const [active, users, history] = await Promise.all([
    loadActiveConfig(db, caller.workspaceId),
    caller.role === "rep" ? Promise.resolve([]) : listUsers(db, caller.workspaceId),
    db
      .select({ asOf: gradeHistory.asOf, tier: gradeHistory.tier, score: gradeHistory.score })
      .from(gradeHistory)
      .where(and(eq(gradeHistory.workspaceId, caller.workspaceId), eq(gradeHistory.customerId, id)))
      .orderBy(asc(gradeHistory.asOf), asc(gradeHistory.id)),
  ]);
  const grade = detail.grade as CustomerGrade | null;
  const { customer } = detail;
  const timeZone = c.var.session?.timeZone ?? "Asia/Shanghai";
  const points = history.slice(-HISTORY_POINTS).map((h) => ({ ...h, score: h.score / 100 }));
  const facts = [
    ui.tk(`kind.${customer.kind}`, customer.kind),
    ui.tk(`nature.${customer.nature}`, customer.nature),
    customer.industry,
    customer.region,
    ui.tk(`lifecycle.${customer.lifecycleStage}`),
  ].filter(Boolean);
  return render(
    c,
    <Page
      ui={ui}
      title={customer.name}
      caller={caller}
      notice={noticeOf(c, ui)}
      noticeAction={<NoticeUndo c={c} ui={ui} />}
      wide
    >
      <p>
        <a href="/admin/customers">← {ui.t("nav.customers")}</a>
      </p>
      <section class="card headline" aria-label={ui.t("detail.summaryLabel")}>
        <TierBadge ui={ui} tier={grade?.tier} big />
        {grade ? (
          <div>
            <div class="score">{ui.t("detail.score", { score: ui.number(grade.score, 2) })}</div>
            <div class="muted small">{ui.tk(`tier.${grade.tier}`)}</div>
          </div>
        ) : (
          <p class="muted">{ui.t("detail.notGraded")}</p>
        )}
        <div>
          <Marks ui={ui} keyAccount={grade?.keyAccount} negative={grade?.negativeValue} />{" "}
          <CreditBadge ui={ui} rating={grade?.credit.rating} />{" "}
          {grade && grade.churn !== "none" ? <ChurnBadge ui={ui} risk={grade.churn} /> : null}
        </div>
        <dl class="facts small">
          <dt>{ui.t("customers.owner")}</dt>
          <dd>{customer.ownerName ?? ui.t("customers.ownerNone")}</dd>
          <dt>{ui.t("detail.profile")}</dt>
          <dd>{facts.join(" · ")}</dd>
          <dt>{ui.t("detail.legal")}</dt>
          <dd>{customer.legalVerified ? ui.t("detail.legalYes") : ui.t("detail.legalNo")}</dd>
          {detail.domains.length ? (
            <>
              <dt>{ui.t("detail.domains")}</dt>
              <dd>{detail.domains.join(", ")}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {/* Two columns at most: at three, the explanation column of "why this tier" and the invoice dates were cut off. */}
      <div class="grid pairs">
        {grade ? <Scorecard ui={ui} grade={grade} criteria={active.config.scorecard.criteria} /> : null}
        <div>
          <Suggestions ui={ui} grade={grade} />
          <section class="card" aria-labelledby="hist-h">
            <h2 id="hist-h">{ui.t("detail.history")}</h2>
            <HistoryChart ui={ui} points={points} thresholds={active.config.scorecard.thresholds} />
          </section>
        </div>
        {grade ? <Models ui={ui} grade={grade} /> : null}
        <Credit ui={ui} detail={detail} today={todayIn(timeZone)} />
        <Orders ui={ui} detail={detail} />
        <Opportunities ui={ui} detail={detail} />
        <section class="card" aria-labelledby="tl-h">
          <h2 id="tl-h">{ui.t("detail.timeline")}</h2>
          <LogInteractionForm
            ui={ui}
            customerId={customer.id}
            now={nowLocal(timeZone)}
            latest={nowLocal(timeZone, Date.now() + MAX_AHEAD_MS)}
            problems={problems}
            draft={draft}
          />
          <h3>{ui.t("detail.recent")}</h3>
          <Timeline ui={ui} detail={detail} caller={caller} />
        </section>
        <EditForm
          ui={ui}
          caller={caller}
          customer={customer}
          users={users}
          config={active.config}
          problems={problems}
          draft={draft}
        />
      </div>
      {detail.contacts.length ? (
        <section class="card" aria-labelledby="contacts-h">
          <h2 id="contacts-h">{ui.t("detail.contacts")}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{ui.t("field.name")}</th>
                  <th>{ui.t("field.email")}</th>
                  <th>{ui.t("detail.phone")}</th>
                  <th>{ui.t("detail.decisionRole")}</th>
                </tr>
              </thead>
              <tbody>
                {detail.contacts.map((ct) => (
                  <tr>
                    <td>{ct.name}</td>
                    <td>{ct.email ?? "—"}</td>
                    <td>{ct.phone ?? "—"}</td>
                    <td>{ct.role ? ui.tk(`decisionRole.${ct.role}`, ct.role) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>,
    status,
  );
}

/** Form fields → the API's PATCH body; the API-core service does the rules, audit and data version. */
function patchFrom(body: Record<string, unknown>, manualIds: string[]) {
  const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string).trim() : "");
  const ratings: Record<string, string | null> = {};
  for (const id of manualIds) ratings[id] = str(`rating.${id}`) || null;
  const limit = str("creditLimit");
  return {
    ownerId: str("ownerId") || null,
    legalVerified: body.legalVerified === "1",
    creditLimit: limit === "" ? null : Number(limit),
    ...(manualIds.length ? { ratings } : {}),
  };
}

export const customers = new Hono<AdminEnv>();
customers.use("*", requireSession);
customers.get("/", customerListPage);
customers.get("/:id", (c) => detailPage(c));

customers.post("/:id/edit", async (c) => {
  const caller = c.var.caller;
  const id = c.req.param("id");
  const { customer } = await getVisibleCustomer(c.var.db, caller, id);
  const { config } = await loadActiveConfig(c.var.db, caller.workspaceId);
  const manualIds = config.scorecard.criteria.filter((k) => k.kind === "manual").map((k) => k.id);
  const body = await c.req.parseBody();
  const patch = patchFrom(body, manualIds);
  // Send only what changed, so a rep's untouched owner field is not an ownership claim.
  if (patch.ownerId === customer.ownerId) delete (patch as { ownerId?: unknown }).ownerId;
  const parsed = updateCustomerRequestSchema.safeParse(patch);
  const { t } = pageContext(c).ui;
  const problems: Problems = parsed.success ? {} : problemsFromIssues(t, parsed.error.issues);
  if (parsed.success) {
    try {
      await updateCustomer(c.var.db, caller, id, parsed.data);
      return c.redirect(`/admin/customers/${encodeURIComponent(id)}?notice=customerSaved`, 303);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      for (const d of err.details) problems[d.field ?? ""] ??= messageText(t, d.message);
    }
  }
  return detailPage(c, problems, 400, { form: "edit", values: draftValues(body) });
});

customers.post("/:id/interactions", async (c) => {
  const caller = c.var.caller;
  const id = c.req.param("id");
  await getVisibleCustomer(c.var.db, caller, id);
  const body = await c.req.parseBody();
  const draft: Draft = { form: "log", values: draftValues(body) };
  const { t } = pageContext(c).ui;
  const kind = String(body.kind ?? "");
  // The one-click "Log call" of /admin/today (mine or the team's): logged as of now, and back to that page.
  const fromToday = (body.back === "today" || body.back === "today-team") && body.occurredAt === undefined;
  const occurredAt = fromToday
    ? new Date().toISOString()
    : zonedLocalToIso(String(body.occurredAt ?? ""), c.var.session?.timeZone ?? "Asia/Shanghai");
  // Outgoing or incoming as the form says; a form without the field (an older page) logs no direction, as before. A
  // note (the rep's own record) goes no way: it must not answer an email waiting, whatever the select was left at.
  const rawDirection = body.direction === undefined || body.direction === "" ? undefined : String(body.direction);
  const given = rawDirection === "in" || rawDirection === "out" ? rawDirection : undefined;
  const direction = kind === "note" ? undefined : given;
  // Each problem on its own field; the select's values cannot send these, a crafted or stale form can.
  const invalid: Problems = {};
  if (!INTERACTION_KINDS.includes(kind as InteractionKind)) invalid.kind = t("detail.badKind");
  if (rawDirection !== undefined && given === undefined) invalid.direction = t("detail.badDirection");
  if (!occurredAt) invalid.occurredAt = t("detail.badTime");
  if (Object.keys(invalid).length > 0) return detailPage(c, invalid, 400, draft);
  // The API-core service: same validation and idempotency rules as POST /api/v1/interactions.
  // The form's own id (see LogForm) makes a second send of the same form a replay, answered 200, not a second log.
  const formId = String(body.id ?? "");
  const logId = formLogId.safeParse(formId).success ? formId.toLowerCase() : crypto.randomUUID();
  const item = { id: logId, customerId: id, kind, occurredAt, direction, summary: String(body.summary ?? "") };
  const [result] = await logInteractions(c.var.db, caller, [item], () => "");
  // Back where it came from, with Undo beside the notice: it takes back this very log (the form's id).
  const logged = landing(fromToday ? body : {}, id, "interactionLogged", logId);
  // A one-click log differs from its earlier send only in the time: the click was logged already.
  if (result?.error?.code === "idempotency_conflict")
    return fromToday ? c.redirect(logged, 303) : detailPage(c, { summary: t("detail.sentTwice") }, 409, draft);
  if (result?.status !== 201 && result?.status !== 200) {
    const problems: Problems = {};
    const details = result?.error?.details ?? [];
    for (const d of details) problems[d.field === "summary" ? "summary" : "occurredAt"] ??= messageText(t, d.message);
    if (details.length === 0) problems.occurredAt = messageText(t, result?.error?.message ?? "");
    return detailPage(c, problems, 400, draft);
  }
  // The same form sent again after its log was undone: it stays undone (a replay logs nothing), and the page says so.
  if (result.interaction?.deletedAt)
    return c.redirect(landing(fromToday ? body : {}, id, "interactionRemoved", logId), 303);
  return c.redirect(logged, 303);
});
