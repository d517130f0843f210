// The editor's cut-offs part: credit rating rules, ABC (Pareto) and the pyramid's layers.
import type { ScoringConfig } from "../../../../shared/config";
import type { Ui } from "../i18n";
import { Select } from "../ui/form";
import { type EditorState, GroupError, Num } from "./inputs";

export function CutoffsSection({ ui, config, state }: { ui: Ui; config: ScoringConfig; state: EditorState }) {
  const cr = config.credit;
  const p = config.pyramid;
  return (
    <fieldset class="card">
      <legend>
        <h2>{ui.t("scoring.cutoffs")}</h2>
      </legend>
      <h3>{ui.t("scoring.credit")}</h3>
      <div class="row">
        <Num
          label={ui.t("scoring.fairOnTime")}
          path="credit.fair.minOnTimePercent"
          value={cr.fair.minOnTimePercent}
          state={state}
        />
        <Num
          label={ui.t("scoring.fairDelay")}
          path="credit.fair.maxDaysLate"
          value={cr.fair.maxDaysLate}
          state={state}
          step="1"
        />
        <Num
          label={ui.t("scoring.watchDelay")}
          path="credit.watch.maxDaysLate"
          value={cr.watch.maxDaysLate}
          state={state}
          step="1"
        />
        <Num
          label={ui.t("scoring.holdOverdue")}
          path="credit.hold.overdueDays"
          value={cr.hold.overdueDays}
          state={state}
          step="1"
        />
        <Num
          label={ui.t("scoring.holdOnTime")}
          path="credit.hold.minOnTimePercent"
          value={cr.hold.minOnTimePercent}
          state={state}
        />
      </div>
      <h3>{ui.t("scoring.abc")}</h3>
      <div class="row">
        <Select
          label={ui.t("scoring.abcBasis")}
          name="abc.basis"
          value={config.abc.basis}
          options={[
            { value: "revenue", label: ui.t("dash.revenue") },
            { value: "profit", label: ui.t("dash.profit") },
          ]}
        />
        <Num label={ui.t("scoring.abcA")} path="abc.aPercent" value={config.abc.aPercent} state={state} />
        <Num label={ui.t("scoring.abcB")} path="abc.bPercent" value={config.abc.bPercent} state={state} />
      </div>
      <h3>{ui.t("dash.pyramid")}</h3>
      <GroupError state={state} path="pyramid" />
      <div class="row">
        <Num
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.vip") })}
          path="pyramid.vipPercent"
          value={p.vipPercent}
          state={state}
        />
        <Num
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.key") })}
          path="pyramid.keyPercent"
          value={p.keyPercent}
          state={state}
        />
        <Num
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.major") })}
          path="pyramid.majorPercent"
          value={p.majorPercent}
          state={state}
        />
        <Num
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.ordinary") })}
          path="pyramid.ordinaryPercent"
          value={p.ordinaryPercent}
          state={state}
        />
      </div>
    </fieldset>
  );
}
