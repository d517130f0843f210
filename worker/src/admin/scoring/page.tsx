// Scoring (admin): pick a template, edit the configuration, preview its effect, save as a new version and regrade.
import { type Context, Hono } from "hono";
import { parseScoringConfig, SCORECARD_TEMPLATES, type ScoringConfig } from "../../../../shared/config";
import { loadActiveConfig } from "../../jobs/active-config";
import { regradeWorkspace } from "../../jobs/regrade";
import { requireRoles, requireSession } from "../../middleware/session";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { todayIn } from "../lib/zoned-time";
import { noticeOf, pageContext, render } from "../render";
import { ErrorSummary, PostForm, type Problems, Select } from "../ui/form";
import { Page } from "../ui/layout";
import { CriteriaSection, CutoffsSection, TiersSection } from "./fields";
import { type Body, draftFromForm, isTemplate, withTemplate } from "./form-model";
import { type Preview, previewDraft } from "./preview";
import { PreviewPanel } from "./preview-view";
import { saveConfigVersion } from "./save";

interface ScoringProps {
  ui: Ui;
  caller: AdminEnv["Variables"]["caller"];
  config: ScoringConfig;
  version: number;
  base: string;
  problems: Problems;
  preview?: Preview;
  notice?: string | undefined;
}

function ScoringPage(p: ScoringProps) {
  const { ui, config, problems } = p;
  const errors = Object.entries(problems).map(([path, m]) => (path ? `${path}: ${m}` : m));
  return (
    <Page ui={ui} title={ui.t("nav.scoring")} caller={p.caller} notice={p.notice} wide>
      <p class="muted">{ui.t("scoring.intro", { version: p.version })}</p>
      <form method="get" action="/admin/scoring" class="card inline-form">
        <Select
          label={ui.t("scoring.template")}
          name="template"
          value={p.base === "current" ? "" : p.base}
          options={SCORECARD_TEMPLATES.map((t) => ({ value: t, label: ui.tk(`template.${t}`, t) }))}
          empty={ui.t("scoring.keepCurrent")}
        />
        <button type="submit" class="secondary">
          {ui.t("scoring.loadTemplate")}
        </button>
        {p.base !== "current" ? <p class="hint">{ui.t("scoring.templateLoaded")}</p> : null}
      </form>
      {p.preview ? <PreviewPanel ui={ui} preview={p.preview} /> : null}
      <ErrorSummary ui={ui} errors={errors} />
      <PostForm ui={ui} action="/admin/scoring">
        <input type="hidden" name="base" value={p.base} />
        <CriteriaSection ui={ui} config={config} problems={problems} />
        <TiersSection ui={ui} config={config} problems={problems} />
        <CutoffsSection ui={ui} config={config} problems={problems} />
        <div class="actions card">
          <button type="submit" name="intent" value="preview" class="secondary">
            {ui.t("scoring.previewButton")}
          </button>
          <button type="submit" name="intent" value="save">
            {ui.t("scoring.save")}
          </button>
          <span class="hint">{ui.t("scoring.saveHint")}</span>
        </div>
      </PostForm>
    </Page>
  );
}

const today = (c: Context<AdminEnv>) => todayIn(c.var.session?.timeZone ?? "Asia/Shanghai");

export const scoring = new Hono<AdminEnv>();
scoring.use("*", requireSession, requireRoles("admin"));

scoring.get("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const active = await loadActiveConfig(c.var.db, caller.workspaceId);
  const template = c.req.query("template");
  const base = isTemplate(template) ? template : "current";
  const config = isTemplate(template) ? withTemplate(active.config, template) : active.config;
  return render(
    c,
    <ScoringPage
      ui={ui}
      caller={caller}
      config={config}
      version={active.version}
      base={base}
      problems={{}}
      notice={noticeOf(c, ui)}
    />,
  );
});

scoring.post("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const db = c.var.db;
  const active = await loadActiveConfig(db, caller.workspaceId);
  const body = (await c.req.parseBody()) as Body;
  const { draft, base } = draftFromForm(active.config, body);
  const parsed = parseScoringConfig(draft);
  const props = { ui, caller, config: draft, version: active.version, base };
  if (!parsed.ok) {
    const problems: Problems = {};
    for (const pr of parsed.problems) problems[pr.path] ??= pr.message;
    return render(c, <ScoringPage {...props} problems={problems} />, 400);
  }
  if (body.intent === "save") {
    const version = await saveConfigVersion(db, caller, parsed.config, active.version);
    await regradeWorkspace(db, caller.workspaceId, today(c));
    return c.redirect(`/admin/scoring?notice=scoringSaved&v=${version}`, 303);
  }
  const preview = await previewDraft(db, caller.workspaceId, active, parsed.config, today(c));
  return render(c, <ScoringPage {...props} problems={{}} preview={preview} />);
});
