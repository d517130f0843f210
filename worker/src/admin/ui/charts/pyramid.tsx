// The customer pyramid as stacked SVG trapezoids (VIP at the top), loss-making customers as a bar below it.
import { PYRAMID_LEVELS, type PyramidLevel } from "../../../../../shared/grade/types";
import type { Ui } from "../../i18n";

const COLORS: Record<PyramidLevel, string> = {
  vip: "#1e3a8a",
  key: "#2f55c4",
  major: "#4f7ae0",
  ordinary: "#8aa6ee",
  small: "#c3d1f6",
  loss: "#c53030",
};
const W = 520;
const LAYER_H = 44;

export function PyramidChart({ ui, counts }: { ui: Ui; counts: Record<PyramidLevel, number> }) {
  const layers = PYRAMID_LEVELS.filter((l) => l !== "loss");
  const total = PYRAMID_LEVELS.reduce((s, l) => s + counts[l], 0);
  const apexW = 60;
  const baseW = 320;
  const cx = 170;
  const widthAt = (i: number) => apexW + ((baseW - apexW) * i) / layers.length;
  const H = layers.length * LAYER_H + 64;
  const label = layers.map((l) => `${ui.tk(`pyramid.${l}`)} ${counts[l]}`).join(", ");
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${ui.t("dash.pyramid")}: ${label}`}>
      {layers.map((level, i) => {
        const top = widthAt(i) / 2;
        const bottom = widthAt(i + 1) / 2;
        const y = i * LAYER_H + 4;
        const points = `${cx - top},${y} ${cx + top},${y} ${cx + bottom},${y + LAYER_H - 4} ${cx - bottom},${y + LAYER_H - 4}`;
        const share = total ? counts[level] / total : 0;
        return (
          <g>
            <polygon points={points} fill={COLORS[level]} />
            <text
              x={cx}
              y={y + LAYER_H / 2 + 3}
              text-anchor="middle"
              class={i < 3 ? "on-dark" : undefined}
              font-weight="600"
            >
              {String(counts[level])}
            </text>
            <text x={cx + baseW / 2 + 16} y={y + LAYER_H / 2 + 3}>
              {`${ui.tk(`pyramid.${level}`)} · ${ui.percent(share)}`}
            </text>
          </g>
        );
      })}
      <rect
        x={cx - baseW / 2}
        y={layers.length * LAYER_H + 14}
        width={baseW}
        height={30}
        rx={4}
        fill={COLORS.loss}
        opacity="0.85"
      />
      <text x={cx} y={layers.length * LAYER_H + 34} text-anchor="middle" class="on-dark" font-weight="600">
        {String(counts.loss)}
      </text>
      <text x={cx + baseW / 2 + 16} y={layers.length * LAYER_H + 34}>
        {ui.tk("pyramid.loss")}
      </text>
    </svg>
  );
}
