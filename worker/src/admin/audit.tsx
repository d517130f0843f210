// Audit log (admin): who changed what and when, filterable by action, person and date range, newest first.
// Keyset paging: `before=<id>` is the page of entries older than entry <id>, `after=<id>` the page newer than it, so
// entries written while an admin pages never shift a page or repeat; `page` only numbers the page for the reader.
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { Hono } from "hono";
import { auditLog, customers, users } from "../db/schema";
import type { Db } from "../env";
import { requireRoles, requireSession } from "../middleware/session";
import { AuditDetails } from "./audit-details";
import type { AdminEnv } from "./env";
import type { Ui } from "./i18n";
import { pageContext, render } from "./render";
import { Field, Select } from "./ui/form";
import { Page } from "./ui/layout";

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An entry id from the address: a positive integer, else null (the first page). */
const entryId = (v: string): number | null => {
  const n = /^[1-9]\d{0,15}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) ? n : null;
};

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

/** Names of the customers the page's details name (an undone interaction's, a prospect's), to show instead of ids. */
async function customerNames(db: Db, workspaceId: string, rows: { details: unknown }[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const r of rows) {
    const id = (r.details as { customerId?: unknown } | null)?.customerId;
    if (typeof id === "string") ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const found = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, [...ids])));
  return new Map(found.map((c) => [c.id, c.name]));
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
  const before = entryId(q("before"));
  const after = before === null ? entryId(q("after")) : null;
  const anchor = before ?? after;
  const where: SQL[] = [eq(auditLog.workspaceId, caller.workspaceId)];
  if (action) where.push(eq(auditLog.action, action));
  if (user) where.push(eq(auditLog.userId, user));
  if (from) where.push(gte(auditLog.createdAt, from));
  if (to) where.push(lt(auditLog.createdAt, nextDay(to)));
  if (anchor !== null) {
    // The anchor's (time, id) read in the same statement, from this workspace only: another workspace's id or a
    // deleted one finds no row, the comparison is NULL, and the page is empty — then the first page is shown.
    const key = sql`(SELECT a.created_at, a.id FROM audit_log a WHERE a.id = ${anchor} AND a.workspace_id = ${caller.workspaceId})`;
    where.push(
      before !== null
        ? sql`(${auditLog.createdAt}, ${auditLog.id}) < ${key}`
        : sql`(${auditLog.createdAt}, ${auditLog.id}) > ${key}`,
    );
  }
  const backwards = after !== null;
  const entries = (filter: SQL[], oldestFirst: boolean) =>
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
      .where(and(...filter))
      .orderBy(
        ...(oldestFirst ? [asc(auditLog.createdAt), asc(auditLog.id)] : [desc(auditLog.createdAt), desc(auditLog.id)]),
      )
      .limit(PAGE_SIZE + 1);
  const [found, actions, people] = await Promise.all([
    entries(where, backwards),
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
  // A page walked backwards comes newest-last: turn it round. More than a page before it means a Previous page.
  let rows = backwards ? found.slice(0, PAGE_SIZE).reverse() : found.slice(0, PAGE_SIZE);
  let hasNewer = backwards ? found.length > PAGE_SIZE : anchor !== null;
  let hasOlder = backwards ? true : found.length > PAGE_SIZE;
  // A stale or foreign anchor, or an `after=` with less than a page above it (Previous to page 1 links to the plain
  // address, so only an edited address gets here): show the newest page.
  const fresh = anchor !== null && (rows.length === 0 || (backwards && !hasNewer));
  if (fresh) {
    const first = await entries(where.slice(0, -1), false);
    rows = first.slice(0, PAGE_SIZE);
    hasNewer = false;
    hasOlder = first.length > PAGE_SIZE;
  }
  const asked = Math.max(2, Math.min(1_000_000, Number.parseInt(q("page") || "2", 10) || 2));
  const page = anchor === null || fresh ? 1 : asked;
  const filters = new URLSearchParams(Object.entries({ action, user, from, to }).filter(([, v]) => v));
  const details = {
    ui,
    people: new Map(people.map((p) => [p.id, p.name])),
    customers: await customerNames(db, caller.workspaceId, rows),
  };
  /** The page `p` reached from entry `id`; page 1 is the plain address (newest first, no anchor). */
  const href = (dir: "before" | "after", id: number, p: number) => {
    const params = new URLSearchParams(filters);
    if (p > 1) {
      params.set(dir, String(id));
      params.set("page", String(p));
    }
    return `/admin/audit?${params}`;
  };
  const newest = rows[0];
  const oldest = rows[rows.length - 1];
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
                {rows.map((r) => (
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
          {hasNewer && newest ? (
            <a href={href("after", newest.id, Math.max(1, page - 1))} rel="prev">
              ← {ui.t("customers.prev")}
            </a>
          ) : null}
          <span class="muted">{ui.t("customers.page", { n: page })}</span>
          {hasOlder && oldest ? (
            <a href={href("before", oldest.id, page + 1)} rel="next">
              {ui.t("customers.next")} →
            </a>
          ) : null}
        </nav>
      </section>
    </Page>,
  );
});
