// The editor's tier part: thresholds, the headline model, follow-up cadence and reply targets per tier.
import { HEADLINE_MODELS, type ScoringConfig } from "../../../../shared/config";
import type { Ui } from "../i18n";
import { Select } from "../ui/form";
import { type EditorState, GroupError, Num } from "./inputs";

const TIER_KEYS = ["A", "B", "C"] as const;

export function TiersSection({ ui, config, state }: { ui: Ui; config: ScoringConfig; state: EditorState }) {
  const s = config.service;
  return (
    <fieldset class="card">
      <legend>
        <h2>{ui.t("scoring.tiers")}</h2>
      </legend>
      <div class="row">
        <Num
          label={ui.t("scoring.thresholdA")}
          path="scorecard.thresholds.a"
          value={config.scorecard.thresholds.a}
          state={state}
        />
        <Num
          label={ui.t("scoring.thresholdB")}
          path="scorecard.thresholds.b"
          value={config.scorecard.thresholds.b}
          state={state}
        />
        <Select
          label={ui.t("scoring.headline")}
          name="headline"
          value={config.headline}
          options={HEADLINE_MODELS.map((m) => ({ value: m, label: ui.tk(`headline.${m}`, m) }))}
          path="headline"
          error={state.problems.headline}
        />
      </div>
      <h3>{ui.t("scoring.service")}</h3>
      <GroupError state={state} path="service.cadenceDays" />
      {TIER_KEYS.map((t) => (
        <div class="row">
          <Num
            label={ui.t("scoring.cadence", { tier: t })}
            path={`service.cadenceDays.${t}`}
            value={s.cadenceDays[t]}
            state={state}
            step="1"
          />
          <Num
            label={ui.t("scoring.reply", { tier: t })}
            path={`service.reply.${t}.value`}
            value={s.reply[t].value}
            state={state}
          />
          <Select
            label={ui.t("scoring.replyUnit", { tier: t })}
            name={`service.reply.${t}.unit`}
            value={s.reply[t].unit}
            options={[
              { value: "hours", label: ui.t("scoring.unitHours") },
              { value: "workingDays", label: ui.t("scoring.unitWorkingDays") },
            ]}
          />
        </div>
      ))}
    </fieldset>
  );
}
