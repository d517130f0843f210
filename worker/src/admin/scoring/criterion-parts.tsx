// The kind-specific part of a criterion in the editor: manual levels, metric bands, credit percents, nature points, growth.
import type { Criterion } from "../../../../shared/config";
import { CUSTOMER_NATURES } from "../../../../shared/records";
import type { Ui } from "../i18n";
import { EditButton, type EditorState, GroupError, Num, Text } from "./inputs";

type Of<K extends Criterion["kind"]> = Extract<Criterion, { kind: K }>;
interface PartProps<K extends Criterion["kind"]> {
  ui: Ui;
  c: Of<K>;
  i: number;
  name: string;
  state: EditorState;
}

const CREDIT_KEYS = ["good", "fair", "unknown", "watch", "hold"] as const;
const at = (i: number) => `scorecard.criteria.${i}`;

export function ManualLevels({ ui, c, i, name, state }: PartProps<"manual">) {
  return (
    <div class="sub-list">
      <h4>{ui.t("scoring.levels")}</h4>
      <p class="hint">{ui.t("scoring.levelsHint")}</p>
      <GroupError state={state} path={`${at(i)}.levels`} />
      {c.levels.map((l, j) => (
        <div class="row sub-row">
          <Text
            label={ui.t("scoring.levelId", { n: j + 1 })}
            path={`${at(i)}.levels.${j}.id`}
            value={l.id}
            state={state}
          />
          <Num
            label={ui.t("scoring.levelPointsN", { n: j + 1 })}
            path={`${at(i)}.levels.${j}.points`}
            value={l.points}
            state={state}
          />
          <div class="row-end">
            <EditButton
              intent={`remove-level:${i}:${j}`}
              anchor={`criterion-${i}`}
              label={ui.t("scoring.remove")}
              describe={ui.t("scoring.removeLevel", { n: j + 1, name })}
              danger
            />
          </div>
        </div>
      ))}
      <EditButton
        intent={`add-level:${i}`}
        label={ui.t("scoring.addLevel")}
        describe={ui.t("scoring.addLevelTo", { name })}
      />
    </div>
  );
}

export function Bands({ ui, c, i, name, state }: PartProps<"bands">) {
  return (
    <div class="sub-list">
      <h4>{ui.t("scoring.bands")}</h4>
      <p class="hint">{ui.t("scoring.bandsHint")}</p>
      <GroupError state={state} path={`${at(i)}.bands`} />
      {c.bands.map((b, j) => (
        <div class="row sub-row">
          <Num
            label={ui.t("scoring.bandFrom", { n: j + 1 })}
            path={`${at(i)}.bands.${j}.from`}
            value={b.from}
            state={state}
          />
          <Num
            label={ui.t("scoring.bandPoints", { n: j + 1 })}
            path={`${at(i)}.bands.${j}.points`}
            value={b.points}
            state={state}
          />
          <div class="row-end">
            <EditButton
              intent={`remove-band:${i}:${j}`}
              anchor={`criterion-${i}`}
              label={ui.t("scoring.remove")}
              describe={ui.t("scoring.removeBand", { n: j + 1, name })}
              danger
            />
          </div>
        </div>
      ))}
      <EditButton
        intent={`add-band:${i}`}
        label={ui.t("scoring.addBand")}
        describe={ui.t("scoring.addBandTo", { name })}
      />
    </div>
  );
}

export function CreditPercents({ ui, c, i, state }: PartProps<"credit">) {
  return (
    <div class="row">
      {CREDIT_KEYS.map((k) => (
        <Num
          label={ui.t("scoring.percentFor", { rating: ui.tk(`credit.${k}`) })}
          path={`${at(i)}.percentOfWeight.${k}`}
          value={c.percentOfWeight[k]}
          state={state}
        />
      ))}
    </div>
  );
}

export function NaturePoints({ ui, c, i, state }: PartProps<"nature">) {
  return (
    <div class="row">
      {CUSTOMER_NATURES.map((n) => (
        <Num label={ui.tk(`nature.${n}`)} path={`${at(i)}.points.${n}`} value={c.points[n]} state={state} />
      ))}
    </div>
  );
}

export function GrowthFields({ ui, c, i, state }: PartProps<"growth">) {
  return (
    <>
      <Num label={ui.t("scoring.fullAt")} path={`${at(i)}.fullAtPercent`} value={c.fullAtPercent} state={state} />
      <Num
        label={ui.t("scoring.noHistory")}
        path={`${at(i)}.noHistoryPercent`}
        value={c.noHistoryPercent}
        state={state}
      />
    </>
  );
}
