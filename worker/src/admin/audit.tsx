// Audit log (admin): who changed what and when, filterable by action, person and date range, newest first.
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { Hono } from "hono";
import { auditLog, users } from "../db/schema";
import { requireRoles, requireSession } from "../middleware/session";
import { AuditDetails } from "./audit-details";
import type { AdminEnv } from "./env";
import type { Ui } from "./i18n";
import { pageContext, render } from "./render";
import { Field, Select } from "./ui/form";
import { Page } from "./ui/layout";

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * "API token 3f2a9c1e": the kind in the reader's language, a uuid shortened (whole in the tooltip), an import's
 * record kind by its name in the UI, other ids whole.
 */
function TargetText({ ui, type, id }: { ui: Ui; type: string | null; id: string | null }) {
  const kind = type ? ui.tk(`audit.target.${type}`, type) : "";
  const long = id !== null && /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id);
  const named = type === "import" && id !== null ? ui.tk(`import.type.${id}`, id) : id;
  return (
    <span title={long ? id : undefined}>
      {kind} {long ? <code>{id.slice(0, 8)}</code> : named}
    </span>
  );
}

export const audit = new Hono<AdminEnv>();
audit.use("*", requireSession, requireRoles("admin"));

audit.get("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const db = c.var.db;
  const q = (k: string) => c.req.query(k)?.trim() ?? "";
  const action = q("action");
  const user = q("user");
  const from = DATE.test(q("from")) ? q("from") : "";
  const to = DATE.test(q("to")) ? q("to") : "";
  const page = Math.max(1, Number.parseInt(q("page") || "1", 10) || 1);
  const where: SQL[] = [eq(auditLog.workspaceId, caller.workspaceId)];
  if (action) where.push(eq(auditLog.action, action));
  if (user) where.push(eq(auditLog.userId, user));
  if (from) where.push(gte(auditLog.createdAt, from));
  if (to) where.push(lt(auditLog.createdAt, nextDay(to)));
  const [rows, actions, people] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.createdAt,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        who: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(and(...where))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(PAGE_SIZE + 1)
      .offset((page - 1) * PAGE_SIZE),
    db
      .selectDistinct({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.workspaceId, caller.workspaceId))
      .orderBy(auditLog.action),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.workspaceId, caller.workspaceId))
      .orderBy(users.name),
  ]);
  const filters = new URLSearchParams(Object.entries({ action, user, from, to }).filter(([, v]) => v));
  const details = { ui, people: new Map(people.map((p) => [p.id, p.name])) };
  const href = (p: number) => `/admin/audit?${new URLSearchParams([...filters, ["page", String(p)]])}`;
  return render(
    c,
    <Page ui={ui} title={ui.t("nav.audit")} caller={caller} wide>
      <form method="get" action="/admin/audit" class="card filters" data-autosubmit>
        <Select
          label={ui.t("audit.action")}
          name="action"
          value={action}
          options={actions.map((a) => ({ value: a.action, label: ui.tk(`audit.${a.action}`, a.action) }))}
          empty={ui.t("customers.any")}
        />
        <Select
          label={ui.t("audit.who")}
          name="user"
          value={user}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          empty={ui.t("customers.any")}
        />
        <Field label={ui.t("audit.from")} name="from" type="date" value={from} />
        <Field label={ui.t("audit.to")} name="to" type="date" value={to} />
        <div class="actions">
          <button type="submit">{ui.t("customers.apply")}</button>
          <a href="/admin/audit">{ui.t("customers.reset")}</a>
        </div>
      </form>
      <section class="card">
        {rows.length === 0 ? (
          <p class="empty">{ui.t("audit.none")}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{ui.t("audit.when")}</th>
                  <th>{ui.t("audit.who")}</th>
                  <th>{ui.t("audit.action")}</th>
                  <th>{ui.t("audit.target")}</th>
                  <th>{ui.t("audit.details")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, PAGE_SIZE).map((r) => (
                  <tr>
                    <td class="small nowrap">{ui.dateTime(r.at)}</td>
                    <td class="nowrap">{r.who ?? "—"}</td>
                    <td>{ui.tk(`audit.${r.action}`, r.action)}</td>
                    <td class="small">
                      {r.targetType === "customer" && r.targetId ? (
                        <a href={`/admin/customers/${encodeURIComponent(r.targetId)}`}>{ui.t("audit.customer")}</a>
                      ) : (
                        <TargetText ui={ui} type={r.targetType} id={r.targetId} />
                      )}
                    </td>
                    <td class="small muted">
                      <AuditDetails ctx={details} details={r.details} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav class="pager" aria-label={ui.t("customers.paging")}>
          {page > 1 ? <a href={href(page - 1)}>← {ui.t("customers.prev")}</a> : null}
          <span class="muted">{ui.t("customers.page", { n: page })}</span>
          {rows.length > PAGE_SIZE ? <a href={href(page + 1)}>{ui.t("customers.next")} →</a> : null}
        </nav>
      </section>
    </Page>,
  );
});
