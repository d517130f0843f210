// NetEase 163 / 126 / yeah.net / qiye js6 selectors, dated chains (HOSTS.md §4): `sign` attributes, nui-* classes, id prefixes.
import type { SelectorChain } from "../types";

/** One tab per opened mail (inactive ones hidden). */
export const readModule: SelectorChain = [
  { css: '[id^="_dvModuleContainer_read.ReadModule"]', seen: "2026-02", expect: "1 per open mail tab" },
  { css: '[id*="read.ReadModule"]', seen: "2024-11", expect: "1 per open mail tab" },
];

/** Inside a read module: the sender's `<addr>` text (first address block is 发件人). */
export const readingSenderEmail: SelectorChain = [
  { css: "li.fS.dj .nui-addr-email", seen: "2013 (NUI reader), 2026-02", expect: "1 per module" },
  { css: ".nui-addr-email", seen: "2025 (first is the sender)", expect: "≥1 per module" },
];

/** Header rows with a label (`.fT`) and a value (`.fU`), for the "时　间：" row. */
export const headerRow: SelectorChain = [{ css: "li.fS", seen: "2013, 2026-02", expect: "3–4 per module" }];

/** List rows: display name only; `title` on the name is filled lazily on hover. */
export const listRow: SelectorChain = [{ css: 'div[sign="letter"]', seen: "2026-07", expect: "1 per row (20–100)" }];

export const listName: SelectorChain = [
  { css: '[sign="start-from"] .nui-user', seen: "2026-07", expect: "1 per row" },
  { css: ".nui-user", seen: "2019", expect: "1 per row" },
];

export const listTime: SelectorChain = [
  { css: "div.eO0[title]", seen: "2026-02", expect: "1 per row" },
  { css: '[title*="年"][title*=":"]', seen: "2026-02", expect: "1 per row" },
];

/** Tab container: its children are the list and read modules. */
export const observeRoot: SelectorChain = [{ css: "#dvContainer", seen: "2025-06-18", expect: "1" }];
