// Scoring (admin): pick a template, edit the configuration, preview its effect, save as a new version and regrade.
import { type Context, Hono } from "hono";
import { loadActiveConfig } from "../../jobs/active-config";
import { regradeWorkspace } from "../../jobs/regrade";
import { requireRoles, requireSession } from "../../middleware/session";
import type { AdminEnv } from "../env";
import { todayIn } from "../lib/zoned-time";
import { noticeOf, pageContext, render } from "../render";
import { applyEdit, parseIntent } from "./edits";
import { type Body, draftFromForm, isTemplate, withTemplate } from "./form-model";
import { previewDraft } from "./preview";
import { saveConfigVersion } from "./save";
import { checkDraft } from "./validate";
import { ScoringPage } from "./view";

const today = (c: Context<AdminEnv>) => todayIn(c.var.session?.timeZone ?? "Asia/Shanghai");

export const scoring = new Hono<AdminEnv>();
scoring.use("*", requireSession, requireRoles("admin"));

scoring.get("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const active = await loadActiveConfig(c.var.db, caller.workspaceId);
  const template = c.req.query("template");
  const base = isTemplate(template) ? template : "current";
  const config = isTemplate(template) ? withTemplate(active.config, template) : active.config;
  const props = { ui, caller, config, version: active.version, base, problems: {} };
  return render(c, <ScoringPage {...props} notice={noticeOf(c, ui)} />);
});

scoring.post("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const db = c.var.db;
  const active = await loadActiveConfig(db, caller.workspaceId);
  const body = (await c.req.parseBody()) as Body;
  const { draft, base } = draftFromForm(active.config, body);
  const intent = parseIntent(body.intent);
  const props = { ui, caller, config: draft, version: active.version, base };
  if (intent.type !== "preview" && intent.type !== "save") {
    // A structural edit: show the changed draft; problems wait for Preview or Save, so a new row is not all red.
    const focus = applyEdit(draft, intent, body);
    draft.scorecard.template = "custom";
    return render(c, <ScoringPage {...props} problems={{}} focus={focus} />);
  }
  const checked = checkDraft(ui.t, draft);
  if (!checked.ok) return render(c, <ScoringPage {...props} problems={checked.problems} />, 400);
  if (intent.type === "save") {
    const version = await saveConfigVersion(db, caller, checked.config, active.version);
    await regradeWorkspace(db, caller.workspaceId, today(c));
    return c.redirect(`/admin/scoring?notice=scoringSaved&v=${version}`, 303);
  }
  const preview = await previewDraft(db, caller.workspaceId, active, checked.config, today(c));
  return render(c, <ScoringPage {...props} problems={{}} preview={preview} />);
});
