// The grade history of one customer as a small inline SVG line: score over time, tier thresholds dashed.
import type { Ui } from "../../i18n";

export interface HistoryPoint {
  asOf: string;
  tier: string;
  /** 0–100. */
  score: number;
}

const W = 560;
const H = 160;
const PAD = { l: 32, r: 12, t: 10, b: 26 };

export function HistoryChart({
  ui,
  points,
  thresholds,
}: {
  ui: Ui;
  points: HistoryPoint[];
  thresholds: { a: number; b: number };
}) {
  if (points.length === 0) return <p class="empty">{ui.t("detail.noHistory")}</p>;
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const x = (i: number) => PAD.l + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (score: number) => PAD.t + innerH - (Math.max(0, Math.min(100, score)) / 100) * innerH;
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  const first = points[0] as HistoryPoint;
  const last = points[points.length - 1] as HistoryPoint;
  const from = `${first.tier} ${ui.number(first.score, 1)}`;
  const to = `${last.tier} ${ui.number(last.score, 1)}`;
  const summary =
    points.length === 1
      ? ui.t("detail.historyOne", { from })
      : ui.t("detail.historySummary", { n: points.length, from, to });
  return (
    <figure>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {[0, 50, 100].map((v) => (
          <g>
            <line class="grid-line" x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} />
            <text x={PAD.l - 6} y={y(v) + 4} text-anchor="end" class="muted-text">
              {String(v)}
            </text>
          </g>
        ))}
        {[
          { v: thresholds.a, label: "A" },
          { v: thresholds.b, label: "B" },
        ].map((th) => (
          <g>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(th.v)} y2={y(th.v)} stroke="#9aa5b4" stroke-dasharray="4 4" />
            <text x={W - PAD.r} y={y(th.v) - 3} text-anchor="end" class="muted-text">
              {`${th.label} ≥ ${th.v}`}
            </text>
          </g>
        ))}
        <polyline points={line} fill="none" stroke="#3a5bd9" stroke-width="2.5" stroke-linejoin="round" />
        {points.map((p, i) => (
          <circle
            cx={x(i)}
            cy={y(p.score)}
            r="4"
            fill={p.tier === "A" ? "#1f8a5b" : p.tier === "B" ? "#2f6fd1" : "#7a8494"}
          >
            <title>{`${ui.date(p.asOf)}: ${p.tier} · ${ui.number(p.score, 1)}`}</title>
          </circle>
        ))}
        <text x={PAD.l} y={H - 6} class="muted-text">
          {ui.date(first.asOf)}
        </text>
        <text x={W - PAD.r} y={H - 6} text-anchor="end" class="muted-text">
          {ui.date(last.asOf)}
        </text>
      </svg>
      <figcaption class="muted small">{summary}</figcaption>
    </figure>
  );
}
