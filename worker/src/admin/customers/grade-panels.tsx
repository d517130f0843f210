// The grade explained: criteria table (value, points, max), what would move it up, next steps, every model's output.
import type { Criterion } from "../../../../shared/config";
import type { CustomerGrade, MoveUp } from "../../../../shared/grade/types";
import type { Ui } from "../i18n";

/** Facts kept in minor units: shown as money. */
const MONEY_METRICS = new Set(["revenue", "profit", "overdueAmount", "outstanding", "serviceCost"]);

function valueText(ui: Ui, v: number | string | null, criterion: Criterion | undefined): string {
  if (v === null) return criterion?.kind === "manual" ? ui.t("detail.unrated") : "—";
  if (typeof v === "string") return ui.tk(`level.${v}`, ui.tk(`${criterion?.kind ?? "level"}.${v}`, v));
  if (criterion && "metric" in criterion && MONEY_METRICS.has(criterion.metric)) return ui.money(v);
  if (criterion?.kind === "growth") return ui.percent(v);
  return ui.number(v);
}

/**
 * The move-up hints a rep needs, one per fact and target tier: criteria that read the same fact (order amount and
 * development both read revenue) each report their own smallest change, and the smallest of those already lifts
 * the tier on its own. Order kept.
 * @example
 * movesWorthShowing([{ fact: "revenue", delta: 300, … }, { fact: "revenue", delta: 100, … }]) // [the 100 one]
 */
export function movesWorthShowing(moves: readonly MoveUp[]): MoveUp[] {
  const best = new Map<string, MoveUp>();
  for (const m of moves) {
    const key = `${m.fact}\u0000${m.toTier}`;
    const seen = best.get(key);
    if (!seen || Math.abs(m.delta) < Math.abs(seen.delta)) best.set(key, m);
  }
  return [...best.values()];
}

export function Scorecard({ ui, grade, criteria }: { ui: Ui; grade: CustomerGrade; criteria: Criterion[] }) {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const total = grade.scorecard.criteria.reduce((s, c) => s + c.max, 0);
  return (
    <section class="card" aria-labelledby="why-h">
      <h2 id="why-h">{ui.t("detail.why")}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{ui.t("detail.criterion")}</th>
              <th>{ui.t("detail.value")}</th>
              <th class="num">{ui.t("detail.points")}</th>
              <th class="num">{ui.t("detail.max")}</th>
              <th>{ui.t("detail.because")}</th>
            </tr>
          </thead>
          <tbody>
            {grade.scorecard.criteria.map((c) => (
              <tr>
                <td>{ui.msg(c.label)}</td>
                <td>{valueText(ui, c.value, byId.get(c.id))}</td>
                <td class="num">{ui.number(c.points, 1)}</td>
                <td class="num">{ui.number(c.max, 1)}</td>
                <td class="small muted">{ui.msg(c.message)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{ui.t("detail.total")}</th>
              <td />
              <td class="num">
                <b>{ui.number(grade.score, 2)}</b>
              </td>
              <td class="num">{ui.number(total, 1)}</td>
              <td>{grade.incomplete ? <span class="badge credit-watch">{ui.t("detail.incomplete")}</span> : null}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{ui.t("detail.moveUp")}</h3>
      {grade.moveUp.length === 0 ? (
        <p class="muted">{grade.tier === "A" ? ui.t("detail.topTier") : ui.t("detail.noMoveUp")}</p>
      ) : (
        <ul>
          {movesWorthShowing(grade.moveUp).map((m) => (
            <li>
              {ui.t("detail.moveUpBy", {
                criterion: ui.msg(grade.scorecard.criteria.find((c) => c.id === m.criterion)?.label) || m.criterion,
                change: ui.msg(m.message),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Suggestions({ ui, grade }: { ui: Ui; grade: CustomerGrade | null }) {
  const list = grade?.suggestions ?? [];
  return (
    <section class="card" aria-labelledby="next-h">
      <h2 id="next-h">{ui.t("detail.next")}</h2>
      {list.length === 0 ? (
        <p class="muted">{ui.t("detail.noSuggestions")}</p>
      ) : (
        <ul class="suggestions">
          {list.map((s) => (
            <li class={`p${s.priority}`}>
              <b>{ui.msg(s.title)}</b>
              {s.due ? <div class="muted small">{ui.t("detail.due", { date: ui.date(s.due) })}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Row({ label, children }: { label: string; children: unknown }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children as string}</dd>
    </>
  );
}

export function Models({ ui, grade }: { ui: Ui; grade: CustomerGrade }) {
  const { rfm, value, kaism, man, serviceLevel: sl } = grade;
  const reply = sl.replyWorkingDays
    ? ui.t("detail.workingDays", { n: sl.replyWorkingDays })
    : ui.t("detail.hours", { n: sl.replyHours });
  return (
    <section class="card" aria-labelledby="models-h">
      <h2 id="models-h">{ui.t("detail.models")}</h2>
      <dl class="facts">
        <Row label={ui.t("model.abc")}>{ui.tk(`abc.${grade.abc}`)}</Row>
        <Row label={ui.t("model.pyramid")}>{ui.tk(`pyramid.${grade.pyramid}`)}</Row>
        <Row label={ui.t("model.rfm")}>
          {rfm ? `${ui.tk(`segment.${rfm.segment}`)} (R${rfm.r} F${rfm.f} M${rfm.m})` : ui.t("model.noOrders")}
        </Row>
        <Row label={ui.t("model.value")}>
          {`${ui.tk(`valueClass.${value.class}`)} · ${ui.t("model.actual")} ${ui.moneyRound(value.actualValue)} · ${ui.t("model.strategic")} ${ui.moneyRound(value.strategicValue)}`}
        </Row>
        <Row label={ui.t("model.kaism")}>
          {`${ui.tk(`quadrant.${kaism.quadrant}`)} · ${ui.t("model.attractiveness")} ${ui.number(kaism.attractiveness, 0)} · ${ui.t("model.strength")} ${ui.number(kaism.strength, 0)}`}
        </Row>
        <Row label={ui.t("model.man")}>
          {`${ui.tk(`manStatus.${man.status}`)} — ${ui.tk("man.money")}: ${ui.tk(`man.${man.money}`)}, ${ui.tk("man.authority")}: ${ui.tk(`man.${man.authority}`)}, ${ui.tk("man.need")}: ${ui.tk(`man.${man.need}`)}`}
        </Row>
        <Row label={ui.t("model.relationship")}>{ui.tk(`relationship.${grade.relationship}`)}</Row>
        <Row label={ui.t("model.churn")}>{ui.tk(`churn.${grade.churn}`)}</Row>
        <Row label={ui.t("model.service")}>
          {ui.t("model.serviceText", { days: sl.cadenceDays, reply, next: ui.date(sl.nextFollowUp) })}
        </Row>
        <Row label={ui.t("model.accountManager")}>{sl.accountManager ? ui.t("common.yes") : ui.t("common.no")}</Row>
      </dl>
      <p class="muted small">
        {ui.t("detail.asOf", { date: ui.date(grade.asOf), version: String(grade.configVersion) })}
      </p>
    </section>
  );
}
