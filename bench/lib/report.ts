// The result rows of `npm run bench`: one shape for every row, printed as a table and written to results.json.
import { writeFile } from "node:fs/promises";

export type Status = "pass" | "fail" | "info" | "n/a";

export interface Row {
  /** What is measured, e.g. "lookup 20 addresses, 1 conn: req/s". */
  name: string;
  /** Workspace size, when the row has one. */
  size?: string;
  figure: number | null;
  unit: string;
  /** The same-run baseline and what it is. */
  baseline: number | null;
  baselineName: string;
  /** figure / baseline. */
  ratio: number | null;
  /** e.g. "≥ 0.5×", "≤ 20 ms" (what pass/fail is judged against). */
  target: string;
  status: Status;
  /** Why a row is not available, or extra facts (wall time, counts). */
  note?: string;
}

export function ratioOf(figure: number | null, baseline: number | null): number | null {
  if (
    figure === null ||
    baseline === null ||
    !Number.isFinite(figure) ||
    !Number.isFinite(baseline) ||
    baseline === 0
  ) {
    return null;
  }
  return figure / baseline;
}

/** A row for something that could not be measured, with the reason. */
export function unavailable(name: string, target: string, reason: string, size?: string): Row {
  return {
    name,
    size,
    figure: null,
    unit: "",
    baseline: null,
    baselineName: "",
    ratio: null,
    target,
    status: "n/a",
    note: reason,
  };
}

export function judge(ok: boolean | null): Status {
  return ok === null ? "info" : ok ? "pass" : "fail";
}

function num(v: number | null, unit = ""): string {
  if (v === null || !Number.isFinite(v)) return "—";
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit === "×" ? "×" : unit ? ` ${unit}` : ""}`;
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + " ".repeat(width - s.length);
}

/** The table as printed (Markdown, so it pastes into the README as is). */
export function formatTable(rows: Row[]): string {
  const header = ["Row", "Size", "Figure", "Baseline (same run)", "Ratio", "Target", "Result"];
  const lines = rows.map((r) => [
    r.name,
    r.size ?? "",
    num(r.figure, r.unit),
    r.baseline === null
      ? r.status === "n/a"
        ? "—"
        : r.baselineName || "—"
      : `${num(r.baseline, r.unit)} ${r.baselineName}`,
    r.ratio === null ? "—" : `${num(r.ratio)}×`,
    r.target,
    r.status === "n/a" ? "not available" : r.status,
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] ?? "").length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, k) => pad(c, widths[k] ?? 0)).join(" | ")} |`;
  const out = [fmt(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmt)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.name}${r.size ? ` (${r.size})` : ""}: ${r.note}`);
  return [...out, ...(notes.length ? ["", "Notes:", ...notes] : [])].join("\n");
}

export async function writeResults(path: string, meta: Record<string, unknown>, rows: Row[]): Promise<void> {
  await writeFile(path, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
}
