// /admin: the dashboard for admins and managers; reps land on their customers.
import { Hono } from "hono";
import { requireSession } from "../../middleware/session";
import type { AdminEnv } from "../env";
import { noticeOf, pageContext, render } from "../render";
import { Page } from "../ui/layout";

export const home = new Hono<AdminEnv>();

home.get("/", requireSession, (c) => {
  const { ui, caller } = pageContext(c);
  if (caller.role === "rep") return c.redirect("/admin/customers", 303);
  return render(
    c,
    <Page ui={ui} title={ui.t("nav.dashboard")} caller={caller} notice={noticeOf(c, ui)} wide>
      <p class="empty">{ui.t("dash.empty")}</p>
    </Page>,
  );
});
