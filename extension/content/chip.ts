// The chip beside a sender: plain DOM in an open shadow root, fixed size, text nodes only (no Preact, no HTML strings).
import type { LookupResult } from "../../shared/contract/lookup";
import { CHIP_ATTR } from "../hosts/generic/adapter";
import type { Translate } from "../lib/i18n";

const STYLE = `
:host{all:initial;display:inline-block!important;vertical-align:middle;height:16px;margin:0 0 0 4px;line-height:16px;cursor:pointer;contain:layout style}
.c{display:inline-flex;align-items:center;gap:2px;height:16px;padding:0 3px;border-radius:8px;font:600 10px/16px system-ui,sans-serif;background:#eef2f7;color:#1f2937;box-sizing:border-box;white-space:nowrap}
.c:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
.t{display:inline-block;min-width:12px;height:12px;border-radius:6px;text-align:center;font-size:9px;line-height:12px;color:#fff}
.tA{background:#15803d}.tB{background:#1d4ed8}.tC{background:#6b7280}.tN{background:#9ca3af}
.d{width:7px;height:7px;border-radius:50%;display:inline-block}
.good{background:#16a34a}.fair{background:#84cc16}.watch{background:#f59e0b}.hold{background:#dc2626}.unknown{background:#9ca3af}
.k{color:#b45309}.n{color:#dc2626}.churn-medium{color:#d97706}.churn-high{color:#dc2626}
@media (prefers-color-scheme:dark){.c{background:#1f2937;color:#e5e7eb}}
`;

export interface ChipOptions {
  result: LookupResult;
  t: Translate;
  onOpen: (host: HTMLElement, focus: boolean) => void;
  onHover: (host: HTMLElement, inside: boolean) => void;
}

function span(doc: Document, className: string, text = ""): HTMLSpanElement {
  const el = doc.createElement("span");
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

const RATINGS = ["good", "fair", "watch", "hold", "unknown"] as const;
const knownRating = (r: string | null) => RATINGS.find((k) => k === r) ?? "unknown";

/** The chip's accessible summary, e.g. "Tier A, key account, credit hold, churn risk high". */
export function chipSummary(result: LookupResult, t: Translate): string {
  const c = result.customer;
  if (!c) return t(result.match === "restricted" ? "chip.restricted" : "chip.unknown");
  const parts = [c.tier ? t("chip.tier", { tier: c.tier }) : t("chip.ungraded")];
  if (c.keyAccount) parts.push(t("chip.key"));
  if (c.negativeValue) parts.push(t("chip.negative"));
  const rating = knownRating(c.credit.rating);
  parts.push(t("chip.credit", { rating: t(`credit.${rating}`) }));
  if (c.churn === "medium" || c.churn === "high") parts.push(t("chip.churn", { risk: t(`churn.${c.churn}`) }));
  return `${c.name}: ${parts.join(", ")}`;
}

/** Builds the chip host for one sender; the caller inserts it after the sender node. */
export function createChip(doc: Document, email: string, options: ChipOptions): HTMLElement {
  const host = doc.createElement("span");
  host.setAttribute(CHIP_ATTR, email);
  const root = host.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = STYLE;
  const chip = span(doc, "c");
  chip.setAttribute("role", "button");
  chip.tabIndex = 0;
  const { result, t } = options;
  const c = result.customer;
  if (c) {
    const tier = c.tier && /^[ABC]$/.test(c.tier) ? c.tier : null;
    chip.append(span(doc, `t t${tier ?? "N"}`, tier ?? "·"));
    if (c.keyAccount) chip.append(span(doc, "k", "★"));
    if (c.negativeValue) chip.append(span(doc, "n", "−"));
    chip.append(span(doc, `d ${knownRating(c.credit.rating)}`));
    if (c.churn === "medium" || c.churn === "high") chip.append(span(doc, `churn-${c.churn}`, "↘"));
  } else {
    chip.append(span(doc, "t tN", result.match === "restricted" ? "·" : "+"));
  }
  const summary = chipSummary(result, t);
  chip.setAttribute("aria-label", t("chip.open", { summary }));
  chip.title = summary;
  chip.setAttribute("data-tier", c?.tier ?? "");
  chip.setAttribute("data-credit", c?.credit.rating ?? "");
  root.append(style, chip);
  // The host page must not see our clicks and keys (Gmail / Outlook open the row on them).
  for (const type of ["pointerdown", "mousedown", "mouseup", "click", "keydown", "keyup", "dblclick"]) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  chip.addEventListener("click", (e) => {
    e.preventDefault();
    options.onOpen(host, false);
  });
  chip.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      options.onOpen(host, true);
    }
  });
  host.addEventListener("mouseenter", () => options.onHover(host, true));
  host.addEventListener("mouseleave", () => options.onHover(host, false));
  return host;
}
