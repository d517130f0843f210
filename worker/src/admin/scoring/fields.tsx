// The scoring form's sections: criteria (weights, levels, bands, metrics), tiers, service levels, credit, ABC, pyramid.
import { type Criterion, HEADLINE_MODELS, METRICS, type ScoringConfig } from "../../../../shared/config";
import { CUSTOMER_NATURES } from "../../../../shared/records";
import type { Ui } from "../i18n";
import { Field, type Problems, Select } from "../ui/form";

const TIER_KEYS = ["A", "B", "C"] as const;
const CREDIT_KEYS = ["good", "fair", "unknown", "watch", "hold"] as const;

function Num(p: { ui: Ui; label: string; path: string; value: number; problems: Problems; step?: string }) {
  return (
    <Field
      label={p.label}
      name={p.path}
      type="number"
      step={p.step ?? "any"}
      value={Number.isNaN(p.value) ? "" : p.value}
      error={p.problems[p.path]}
    />
  );
}

function CriterionFields({ ui, c, i, problems }: { ui: Ui; c: Criterion; i: number; problems: Problems }) {
  const at = `scorecard.criteria.${i}`;
  const metricSelect = (metric: string) => (
    <Select
      label={ui.t("scoring.metric")}
      name={`${at}.metric`}
      value={metric}
      options={METRICS.map((m) => ({ value: m, label: ui.tk(`metric.${m}`, m) }))}
      error={problems[`${at}.metric`]}
    />
  );
  return (
    <details class="criterion" open>
      <summary>
        {`${ui.tk(`criterion.${c.id}`, c.label ?? c.id)} — ${ui.tk(`criterionKind.${c.kind}`)} — ${ui.t("scoring.weightOf", { n: c.weight })}`}
      </summary>
      <div class="row">
        <Num ui={ui} label={ui.t("scoring.weight")} path={`${at}.weight`} value={c.weight} problems={problems} />
        {c.kind === "percentile" ? metricSelect(c.metric) : null}
        {c.kind === "bands" ? metricSelect(c.metric) : null}
        {c.kind === "growth" ? (
          <>
            <Num
              ui={ui}
              label={ui.t("scoring.fullAt")}
              path={`${at}.fullAtPercent`}
              value={c.fullAtPercent}
              problems={problems}
            />
            <Num
              ui={ui}
              label={ui.t("scoring.noHistory")}
              path={`${at}.noHistoryPercent`}
              value={c.noHistoryPercent}
              problems={problems}
            />
          </>
        ) : null}
      </div>
      {c.kind === "manual" ? (
        <div class="row">
          {c.levels.map((l, j) => (
            <Num
              ui={ui}
              label={ui.t("scoring.levelPoints", { level: ui.tk(`level.${l.id}`, l.id) })}
              path={`${at}.levels.${j}.points`}
              value={l.points}
              problems={problems}
            />
          ))}
        </div>
      ) : null}
      {c.kind === "bands"
        ? c.bands.map((b, j) => (
            <div class="row">
              <Num
                ui={ui}
                label={ui.t("scoring.bandFrom", { n: j + 1 })}
                path={`${at}.bands.${j}.from`}
                value={b.from}
                problems={problems}
              />
              <Num
                ui={ui}
                label={ui.t("scoring.bandPoints", { n: j + 1 })}
                path={`${at}.bands.${j}.points`}
                value={b.points}
                problems={problems}
              />
            </div>
          ))
        : null}
      {c.kind === "credit" ? (
        <div class="row">
          {CREDIT_KEYS.map((k) => (
            <Num
              ui={ui}
              label={ui.t("scoring.percentFor", { rating: ui.tk(`credit.${k}`) })}
              path={`${at}.percentOfWeight.${k}`}
              value={c.percentOfWeight[k]}
              problems={problems}
            />
          ))}
        </div>
      ) : null}
      {c.kind === "nature" ? (
        <div class="row">
          {CUSTOMER_NATURES.map((n) => (
            <Num
              ui={ui}
              label={ui.tk(`nature.${n}`)}
              path={`${at}.points.${n}`}
              value={c.points[n]}
              problems={problems}
            />
          ))}
        </div>
      ) : null}
    </details>
  );
}

export function CriteriaSection({ ui, config, problems }: { ui: Ui; config: ScoringConfig; problems: Problems }) {
  const total = config.scorecard.criteria.reduce((s, c) => s + (Number.isNaN(c.weight) ? 0 : c.weight), 0);
  return (
    <fieldset class="card">
      <legend>
        <h2>{ui.t("scoring.criteria")}</h2>
      </legend>
      <p class="muted">{ui.t("scoring.weightsTotal", { n: ui.number(total) })}</p>
      {problems["scorecard.criteria"] ? <p class="field-error">{problems["scorecard.criteria"]}</p> : null}
      {config.scorecard.criteria.map((c, i) => (
        <CriterionFields ui={ui} c={c} i={i} problems={problems} />
      ))}
    </fieldset>
  );
}

export function TiersSection({ ui, config, problems }: { ui: Ui; config: ScoringConfig; problems: Problems }) {
  const s = config.service;
  return (
    <fieldset class="card">
      <legend>
        <h2>{ui.t("scoring.tiers")}</h2>
      </legend>
      <div class="row">
        <Num
          ui={ui}
          label={ui.t("scoring.thresholdA")}
          path="scorecard.thresholds.a"
          value={config.scorecard.thresholds.a}
          problems={problems}
        />
        <Num
          ui={ui}
          label={ui.t("scoring.thresholdB")}
          path="scorecard.thresholds.b"
          value={config.scorecard.thresholds.b}
          problems={problems}
        />
        <Select
          label={ui.t("scoring.headline")}
          name="headline"
          value={config.headline}
          options={HEADLINE_MODELS.map((m) => ({ value: m, label: ui.tk(`headline.${m}`, m) }))}
          error={problems.headline}
        />
      </div>
      <h3>{ui.t("scoring.service")}</h3>
      {problems["service.cadenceDays"] ? <p class="field-error">{problems["service.cadenceDays"]}</p> : null}
      {TIER_KEYS.map((t) => (
        <div class="row">
          <Num
            ui={ui}
            label={ui.t("scoring.cadence", { tier: t })}
            path={`service.cadenceDays.${t}`}
            value={s.cadenceDays[t]}
            problems={problems}
            step="1"
          />
          <Num
            ui={ui}
            label={ui.t("scoring.reply", { tier: t })}
            path={`service.reply.${t}.value`}
            value={s.reply[t].value}
            problems={problems}
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

export function CutoffsSection({ ui, config, problems }: { ui: Ui; config: ScoringConfig; problems: Problems }) {
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
          ui={ui}
          label={ui.t("scoring.fairOnTime")}
          path="credit.fair.minOnTimePercent"
          value={cr.fair.minOnTimePercent}
          problems={problems}
        />
        <Num
          ui={ui}
          label={ui.t("scoring.fairDelay")}
          path="credit.fair.maxDaysLate"
          value={cr.fair.maxDaysLate}
          problems={problems}
          step="1"
        />
        <Num
          ui={ui}
          label={ui.t("scoring.watchDelay")}
          path="credit.watch.maxDaysLate"
          value={cr.watch.maxDaysLate}
          problems={problems}
          step="1"
        />
        <Num
          ui={ui}
          label={ui.t("scoring.holdOverdue")}
          path="credit.hold.overdueDays"
          value={cr.hold.overdueDays}
          problems={problems}
          step="1"
        />
        <Num
          ui={ui}
          label={ui.t("scoring.holdOnTime")}
          path="credit.hold.minOnTimePercent"
          value={cr.hold.minOnTimePercent}
          problems={problems}
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
        <Num ui={ui} label={ui.t("scoring.abcA")} path="abc.aPercent" value={config.abc.aPercent} problems={problems} />
        <Num ui={ui} label={ui.t("scoring.abcB")} path="abc.bPercent" value={config.abc.bPercent} problems={problems} />
      </div>
      <h3>{ui.t("dash.pyramid")}</h3>
      {problems.pyramid ? <p class="field-error">{problems.pyramid}</p> : null}
      <div class="row">
        <Num
          ui={ui}
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.vip") })}
          path="pyramid.vipPercent"
          value={p.vipPercent}
          problems={problems}
        />
        <Num
          ui={ui}
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.key") })}
          path="pyramid.keyPercent"
          value={p.keyPercent}
          problems={problems}
        />
        <Num
          ui={ui}
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.major") })}
          path="pyramid.majorPercent"
          value={p.majorPercent}
          problems={problems}
        />
        <Num
          ui={ui}
          label={ui.t("scoring.pyramidLayer", { layer: ui.tk("pyramid.ordinary") })}
          path="pyramid.ordinaryPercent"
          value={p.ordinaryPercent}
          problems={problems}
        />
      </div>
    </fieldset>
  );
}
