// The Pareto curve: cumulative share of value against share of customers, with the 20 % / 80 % guides.
import type { ParetoReport } from "../../../../../shared/grade/types";
import type { Ui } from "../../i18n";

const W = 520;
const H = 300;
const P = { l: 44, r: 16, t: 14, b: 36 };

export function ParetoChart({ ui, pareto }: { ui: Ui; pareto: ParetoReport }) {
  const iw = W - P.l - P.r;
  const ih = H - P.t - P.b;
  const x = (share: number) => P.l + share * iw;
  const y = (share: number) => P.t + ih - share * ih;
  const line = pareto.points.map((p) => `${x(p.customerShare).toFixed(1)},${y(p.valueShare).toFixed(1)}`).join(" ");
  const area = `${x(0)},${y(0)} ${line} ${x(1)},${y(0)}`;
  const top = pareto.top;
  const headline = ui.t("dash.paretoHeadline", {
    customers: ui.number(top.customerPercent, 0),
    value: ui.number(top.valuePercent, 0),
    basis: ui.t(pareto.basis === "profit" ? "dash.profit" : "dash.revenue"),
  });
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  return (
    <figure>
      <p class="headline-text">
        <b>{headline}</b>
      </p>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={headline}>
        {ticks.map((tk) => (
          <g>
            <line class="grid-line" x1={P.l} x2={W - P.r} y1={y(tk)} y2={y(tk)} />
            <text x={P.l - 6} y={y(tk) + 4} text-anchor="end" class="muted-text">
              {ui.percent(tk)}
            </text>
            <text x={x(tk)} y={H - P.b + 16} text-anchor="middle" class="muted-text">
              {ui.percent(tk)}
            </text>
          </g>
        ))}
        <polygon points={area} fill="#3a5bd9" opacity="0.12" />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="#c5ccd6" stroke-dasharray="3 4" />
        <line
          x1={x(top.customerPercent / 100)}
          x2={x(top.customerPercent / 100)}
          y1={y(0)}
          y2={y(1)}
          stroke="#b7791f"
          stroke-dasharray="5 4"
        />
        <line
          x1={P.l}
          x2={W - P.r}
          y1={y(top.valuePercent / 100)}
          y2={y(top.valuePercent / 100)}
          stroke="#b7791f"
          stroke-dasharray="5 4"
        />
        <polyline points={line} fill="none" stroke="#3a5bd9" stroke-width="2.5" />
        <circle cx={x(top.customerPercent / 100)} cy={y(top.valuePercent / 100)} r="5" fill="#b7791f" />
        <text x={W / 2} y={H - 4} text-anchor="middle" class="muted-text">
          {ui.t("dash.shareCustomers")}
        </text>
      </svg>
      <figcaption class="muted small">
        {ui.t("dash.abcCounts", { a: pareto.counts.A, b: pareto.counts.B, c: pareto.counts.C })}
      </figcaption>
    </figure>
  );
}
