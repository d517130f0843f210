// Growth rows: how a cost grows per 10× more data (1k → 10k → 100k), against the baseline's growth.
import type { Row } from "../lib/report";
import { ratioOf, unavailable } from "../lib/report";

export interface SizedFigure {
  size: string;
  figure: number;
  baseline: number | null;
}

/** One row per consecutive pair of sizes: figure(big)/figure(small), target ≤ 12× (n log n, nothing quadratic). */
export function growthRows(what: string, baselineName: string, points: SizedFigure[], reason?: string): Row[] {
  const name = `growth per 10×: ${what}`;
  if (points.length < 2) {
    return [unavailable(name, "≤ 12×", reason ?? "needs at least two sizes (the full run measures 1k, 10k and 100k)")];
  }
  const rows: Row[] = [];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1] as SizedFigure;
    const b = points[k] as SizedFigure;
    const factor = ratioOf(b.figure, a.figure);
    const baseFactor = a.baseline !== null && b.baseline !== null ? ratioOf(b.baseline, a.baseline) : null;
    rows.push({
      name,
      size: `${a.size}→${b.size}`,
      figure: factor,
      unit: "×",
      baseline: baseFactor,
      baselineName,
      ratio: ratioOf(factor, baseFactor),
      target: "≤ 12×",
      status: factor === null ? "n/a" : factor <= 12 ? "pass" : "fail",
      note: `${a.figure.toFixed(1)} → ${b.figure.toFixed(1)}`,
    });
  }
  return rows;
}
