// Horizontal SVG bars with a label and a value on each row (tier distribution, forecasts, funnel stages).
import type { Ui } from "../../i18n";

export interface Bar {
  label: string;
  value: number;
  /** Text shown after the bar (defaults to the number). */
  text?: string;
  color?: string;
}

export function BarChart({ ui, bars, title, centered }: { ui: Ui; bars: Bar[]; title: string; centered?: boolean }) {
  const W = 520;
  const rowH = 30;
  const labelW = 150;
  const textW = 130;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = W - labelW - textW;
  const H = bars.length * rowH + 6;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.text ?? b.value}`).join(", ")}`}
    >
      {bars.map((b, i) => {
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * span);
        const x = centered ? labelW + (span - w) / 2 : labelW;
        const y = i * rowH + 4;
        return (
          <g>
            <text x={labelW - 8} y={y + rowH / 2 + 1} text-anchor="end">
              {b.label}
            </text>
            <rect x={x} y={y + 3} width={w} height={rowH - 10} rx={4} fill={b.color ?? "#3a5bd9"} />
            <text x={labelW + span + 8} y={y + rowH / 2 + 1} class="muted-text">
              {b.text ?? ui.number(b.value, 0)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
