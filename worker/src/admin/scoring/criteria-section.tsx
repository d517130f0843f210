// The criteria part of the editor: the weights' sum, every criterion, and the "Add a criterion" panel.
import { METRICS, type ScoringConfig } from "../../../../shared/config";
import type { Ui } from "../i18n";
import { Field, Select } from "../ui/form";
import { CRITERIA_MARKER } from "./criteria-form";
import { CriterionCard } from "./criterion-card";
import { NEW_KINDS } from "./edits";
import { EditButton, type EditorState, GroupError } from "./inputs";

const EPS = 1e-9;

/** The sum of the weights, recomputed on every round trip (and live by app.js while typing). */
function WeightsSum({ ui, config }: { ui: Ui; config: ScoringConfig }) {
  const total = config.scorecard.criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const off = Math.abs(total - 100) > EPS;
  return (
    <p class={`weights-sum${off ? " off" : ""}`} data-weights-sum>
      {ui.t("scoring.weightsSum")} <output aria-live="polite">{ui.number(total)}</output> / 100
    </p>
  );
}

function NewCriterion({ ui }: { ui: Ui }) {
  return (
    <fieldset class="criterion new-criterion" id="new-criterion">
      <legend>
        <span class="criterion-name">{ui.t("scoring.newCriterion")}</span>
      </legend>
      <p class="hint">{ui.t("scoring.newCriterionHint")}</p>
      <div class="row">
        <Select
          label={ui.t("scoring.kind")}
          name="new.kind"
          value="manual"
          options={NEW_KINDS.map((k) => ({ value: k, label: ui.tk(`criterionKind.${k}`) }))}
        />
        <Field label={ui.t("scoring.criterionId")} name="new.id" hint={ui.t("scoring.criterionIdHint")} />
        <Field label={ui.t("scoring.criterionLabel")} name="new.label" />
        <Field label={ui.t("scoring.weight")} name="new.weight" type="number" step="any" />
        <Select
          label={ui.t("scoring.metric")}
          hint={ui.t("scoring.metricIfAny")}
          name="new.metric"
          value="revenue"
          options={METRICS.map((m) => ({ value: m, label: ui.tk(`metric.${m}`, m) }))}
        />
      </div>
      <EditButton intent="add-criterion" label={ui.t("scoring.addCriterion")} />
    </fieldset>
  );
}

export function CriteriaSection({ ui, config, state }: { ui: Ui; config: ScoringConfig; state: EditorState }) {
  const list = config.scorecard.criteria;
  return (
    <fieldset class="card" id="criteria">
      <legend>
        <h2>{ui.t("scoring.criteria")}</h2>
      </legend>
      <input type="hidden" name={CRITERIA_MARKER} value="1" />
      <WeightsSum ui={ui} config={config} />
      <GroupError state={state} path="scorecard.criteria" />
      <div id="criteria-list">
        {list.length === 0 ? <p class="empty">{ui.t("scoring.noCriteria")}</p> : null}
        {list.map((c, i) => (
          <CriterionCard ui={ui} c={c} i={i} count={list.length} state={state} />
        ))}
      </div>
      <NewCriterion ui={ui} />
    </fieldset>
  );
}
