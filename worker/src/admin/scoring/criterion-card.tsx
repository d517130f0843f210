// One criterion in the editor: its id, label, weight and metric, the part its kind needs, Move up/down and Remove.
import { type Criterion, METRICS } from "../../../../shared/config";
import type { Ui } from "../i18n";
import { Bands, CreditPercents, GrowthFields, ManualLevels, NaturePoints } from "./criterion-parts";
import { moveIntent } from "./edits";
import { Choice, EditButton, type EditorState, GroupError, Num, Text } from "./inputs";

/** What people see for a criterion: the admin's label, else the built-in name of its id, else "New criterion". */
export function criterionName(ui: Ui, c: Criterion): string {
  if (c.label) return c.label;
  return c.id ? ui.tk(`criterion.${c.id}`, c.id) : ui.t("scoring.untitled");
}

interface CardProps {
  ui: Ui;
  c: Criterion;
  i: number;
  /** How many criteria there are, so the last one's "Move down" is disabled. */
  count: number;
  state: EditorState;
}

export function CriterionCard({ ui, c, i, count, state }: CardProps) {
  const at = `scorecard.criteria.${i}`;
  const name = criterionName(ui, c);
  const weight = Number.isNaN(c.weight) ? "—" : ui.number(c.weight);
  return (
    <fieldset class="criterion" id={`criterion-${i}`}>
      <legend>
        <span class="criterion-name">{name}</span>
        <span class="muted small">{` ${ui.tk(`criterionKind.${c.kind}`)} · ${ui.t("scoring.weightOf", { n: weight })}`}</span>
      </legend>
      <input type="hidden" name={`${at}.kind`} value={c.kind} />
      <GroupError state={state} path={at} />
      <div class="row">
        <Text label={ui.t("scoring.criterionId")} path={`${at}.id`} value={c.id} state={state} />
        <Text
          label={ui.t("scoring.criterionLabel")}
          path={`${at}.label`}
          value={c.label}
          state={state}
          placeholder={c.id ? ui.tk(`criterion.${c.id}`, c.id) : undefined}
        />
        <Num label={ui.t("scoring.weight")} path={`${at}.weight`} value={c.weight} state={state} class="weight" />
        {c.kind === "percentile" || c.kind === "bands" ? (
          <Choice
            label={ui.t("scoring.metric")}
            path={`${at}.metric`}
            value={c.metric}
            options={METRICS.map((m) => ({ value: m, label: ui.tk(`metric.${m}`, m) }))}
            state={state}
          />
        ) : null}
        {c.kind === "growth" ? <GrowthFields ui={ui} c={c} i={i} name={name} state={state} /> : null}
      </div>
      {c.kind === "manual" ? <ManualLevels ui={ui} c={c} i={i} name={name} state={state} /> : null}
      {c.kind === "bands" ? <Bands ui={ui} c={c} i={i} name={name} state={state} /> : null}
      {c.kind === "credit" ? <CreditPercents ui={ui} c={c} i={i} name={name} state={state} /> : null}
      {c.kind === "nature" ? <NaturePoints ui={ui} c={c} i={i} name={name} state={state} /> : null}
      <div class="criterion-end">
        <EditButton
          intent={moveIntent(i, -1)}
          label={ui.t("scoring.moveUp")}
          describe={ui.t("scoring.moveUpCriterion", { name })}
          disabled={i === 0}
          state={state}
        />
        <EditButton
          intent={moveIntent(i, 1)}
          label={ui.t("scoring.moveDown")}
          describe={ui.t("scoring.moveDownCriterion", { name })}
          disabled={i === count - 1}
          state={state}
        />
        <EditButton
          intent={`remove:${i}`}
          anchor="criteria"
          label={ui.t("scoring.removeCriterionShort")}
          describe={ui.t("scoring.removeCriterion", { name })}
          danger
        />
      </div>
    </fieldset>
  );
}
