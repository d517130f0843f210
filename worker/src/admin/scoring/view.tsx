// The scoring screen: template picker, preview, every problem with its path, and the editor form.
import { SCORECARD_TEMPLATES, type ScoringConfig } from "../../../../shared/config";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { fieldId, PostForm, Select } from "../ui/form";
import { Page } from "../ui/layout";
import { CriteriaSection } from "./criteria-section";
import { CutoffsSection } from "./cutoffs-section";
import type { EditorState } from "./inputs";
import type { Preview } from "./preview";
import { PreviewPanel } from "./preview-view";
import { TiersSection } from "./tiers-section";

export interface ScoringProps extends EditorState {
  ui: Ui;
  caller: AdminEnv["Variables"]["caller"];
  config: ScoringConfig;
  version: number;
  base: string;
  preview?: Preview;
  notice?: string | undefined;
}

/** Every problem, each linking to its field (or its group) and naming the path, announced when it appears. */
function ProblemList({ ui, problems }: { ui: Ui; problems: EditorState["problems"] }) {
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" id="problems">
      <p>{ui.t("form.fix")}</p>
      <ul>
        {entries.map(([path, message]) => (
          <li>
            {path ? (
              <a href={`#${fieldId(path)}`}>
                <code class="path">{path}</code>
              </a>
            ) : null}{" "}
            {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TemplatePicker({ ui, base }: { ui: Ui; base: string }) {
  return (
    <form method="get" action="/admin/scoring" class="card inline-form">
      <Select
        label={ui.t("scoring.template")}
        name="template"
        value={base === "current" ? "" : base}
        options={SCORECARD_TEMPLATES.map((t) => ({ value: t, label: ui.tk(`template.${t}`, t) }))}
        empty={ui.t("scoring.keepCurrent")}
      />
      <button type="submit" class="secondary">
        {ui.t("scoring.loadTemplate")}
      </button>
      {base !== "current" ? <p class="hint">{ui.t("scoring.templateLoaded")}</p> : null}
    </form>
  );
}

export function ScoringPage(p: ScoringProps) {
  const { ui, config } = p;
  const state: EditorState = { problems: p.problems, focus: p.focus };
  return (
    <Page ui={ui} title={ui.t("nav.scoring")} caller={p.caller} notice={p.notice} wide>
      <p class="muted">{ui.t("scoring.intro", { version: p.version })}</p>
      <TemplatePicker ui={ui} base={p.base} />
      {p.preview ? <PreviewPanel ui={ui} preview={p.preview} /> : null}
      <ProblemList ui={ui} problems={p.problems} />
      <PostForm ui={ui} action="/admin/scoring" class="scoring-form">
        {/* Enter in a field presses the form's first submit button: make that Preview, never a Remove. */}
        <button type="submit" name="intent" value="preview" class="sr-only" tabindex={-1}>
          {ui.t("scoring.previewButton")}
        </button>
        <input type="hidden" name="base" value={p.base} />
        <CriteriaSection ui={ui} config={config} state={state} />
        <TiersSection ui={ui} config={config} state={state} />
        <CutoffsSection ui={ui} config={config} state={state} />
        <div class="actions card" id="scoring-actions">
          <button type="submit" name="intent" value="preview" class="secondary" formaction="/admin/scoring#preview">
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
