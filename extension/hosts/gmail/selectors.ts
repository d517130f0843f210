// Gmail selectors as dated fallback chains, newest first (HOSTS.md §1; InboxSDK, gmail.js, FlowCrypt).
import type { SelectorChain } from "../types";

/** One root per message of the open thread. */
export const messageRoot: SelectorChain = [
  { css: "div.adn.ads[data-message-id]", seen: "2025-11-20", expect: "1 per message in the thread" },
  { css: "div.adn.ads", seen: "2025-08-20", expect: "1 per message in the thread" },
];

/** The sender inside one message root: `email` and `name` attributes, stable since 2014. */
export const readingSender: SelectorChain = [
  { css: "span.gD[email]", seen: "2025-08-20", expect: "1 per expanded message" },
  { css: "td.gF span[email]", seen: "2025-11-20", expect: "1 per expanded message" },
  { css: "h3.iw span[email]", seen: "2025-11-20", expect: "1 per expanded message" },
  { css: ".gs .cf.ix span[email]", seen: "2022-03-25", expect: "1 per expanded message" },
];

/** The full date of a message in its `title`. */
export const readingTime: SelectorChain = [
  { css: ".gK .g3[title]", seen: "2025-08-20", expect: "1 per message" },
  { css: "span.g3[title]", seen: "2025-03-02", expect: "1 per message" },
];

/** Message-list rows; ad rows (`.am0`, `.bvA`) carry no `[email]` and are skipped by the adapter. */
export const listRow: SelectorChain = [
  { css: "tr.zA[role=row]", seen: "2026-09-17", expect: "1 per visible thread (50 per page)" },
  { css: "tr.zA", seen: "2025-11-20", expect: "1 per visible thread" },
];

/** Senders of one row (several on multi-participant threads). */
export const listSender: SelectorChain = [
  { css: "td.yX span[email]", seen: "2026-09-17", expect: "1–3 per row" },
  { css: "div.yW span[email]", seen: "2025-11-20", expect: "1–3 per row" },
];

export const listTime: SelectorChain = [
  { css: "td.xW span[title]", seen: "2026-09-17", expect: "1 per row" },
  { css: "td.apt span[title]", seen: "2025-11-20", expect: "1 per row (vertical split)" },
];

/** The containers to watch: the main content holder whose children are the views. */
export const observeRoot: SelectorChain = [
  { css: "div.aeF", seen: "2026-07-23", expect: "1" },
  { css: "div[role=main]", seen: "2025-03-02", expect: "1 per view" },
];
