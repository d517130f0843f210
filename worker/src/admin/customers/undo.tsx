// Undo in the admin UI: the notice after a log offers Undo, the notice after a removal offers Restore, and the
// customer's timeline removes one touch; each goes back where it came from (the customer's page or Today's view).
import { type Context, Hono } from "hono";
import { requireSession } from "../../middleware/session";
import { setInteractionRemoved } from "../../services/interaction-undo";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { PostForm } from "../ui/form";

/** An interaction id as the URL may carry one (client UUIDs, imported ids): anything else shows no button. */
const ID = /^[\w-]{1,100}$/;

/** The query that brings a one-click log back to the Today view it came from (mine, the team's, a colleague's). */
export function todayScopeQuery(body: Record<string, unknown>): string {
  if (body.back !== "today-team") return "";
  const owner = typeof body.owner === "string" && ID.test(body.owner) ? body.owner : null;
  return owner ? `team=1&owner=${encodeURIComponent(owner)}&` : "team=1&";
}

/** Where a form should land with `notice` (and the id to offer undo for): Today's view, else the customer's page. */
export function landing(body: Record<string, unknown>, customerId: string, notice: string, undo?: string): string {
  const tail = `notice=${notice}${undo ? `&undo=${encodeURIComponent(undo)}` : ""}`;
  if (body.back === "today" || body.back === "today-team") return `/admin/today?${todayScopeQuery(body)}${tail}`;
  return `/admin/customers/${encodeURIComponent(customerId)}?${tail}`;
}

export const interactionUndo = new Hono<AdminEnv>();
interactionUndo.use("*", requireSession);

/** 404 for an id outside the caller's workspace or customers, 403 for a rep's colleague's touch (the error page). */
async function change(c: Context<AdminEnv>, removed: boolean) {
  const id = c.req.param("id") ?? "";
  const body = await c.req.parseBody();
  const row = await setInteractionRemoved(c.var.db, c.var.caller, id, removed);
  const notice = removed ? "interactionRemoved" : "interactionRestored";
  return c.redirect(landing(body, row.customerId, notice, removed ? id : undefined), 303);
}

interactionUndo.post("/:id/delete", (c) => change(c, true));
interactionUndo.post("/:id/restore", (c) => change(c, false));

/** Hidden fields that bring the answer back to the same page (Today's view; the customer's page needs none). */
export type Back = Record<string, string>;

export function BackFields({ back }: { back: Back }) {
  return (
    <>
      {Object.entries(back).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The button beside a notice: Undo after a log, Restore after a removal; none for any other notice or id. */
export function NoticeUndo({ c, ui, back = {} }: { c: Context<AdminEnv>; ui: Ui; back?: Back }) {
  const notice = c.req.query("notice");
  const id = c.req.query("undo") ?? "";
  if (!ID.test(id) || (notice !== "interactionLogged" && notice !== "interactionRemoved")) return null;
  const removing = notice === "interactionLogged";
  return (
    <PostForm
      ui={ui}
      action={`/admin/interactions/${encodeURIComponent(id)}/${removing ? "delete" : "restore"}`}
      class="inline"
    >
      <BackFields back={back} />{" "}
      <button type="submit" class="secondary small" data-testid={removing ? "undo-log" : "restore-log"}>
        {ui.t(removing ? "undo.action" : "undo.restore")}
      </button>
    </PostForm>
  );
}

/** The timeline's own removal of one touch (restored from the notice that follows). */
export function RemoveTouch({ ui, id, what }: { ui: Ui; id: string; what: string }) {
  return (
    <PostForm ui={ui} action={`/admin/interactions/${encodeURIComponent(id)}/delete`} class="inline">
      <button type="submit" class="secondary small" aria-label={ui.t("undo.removeNamed", { what })}>
        {ui.t("undo.remove")}
      </button>
    </PostForm>
  );
}
