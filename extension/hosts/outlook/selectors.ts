// Outlook on the web selectors, dated fallback chains (HOSTS.md §2): ids, data-* and ARIA only, never the rotating classes.
import type { SelectorChain } from "../types";

/** The sender block of each message card in the reading pane. */
export const readingFrom: SelectorChain = [
  { css: '[id^="MSG_"][id$="_FROM"]', seen: "2026-01", expect: "1 per message card" },
  {
    css: '[aria-label="Email message"] :is([aria-label^="From:"],[aria-label^="De:"],[aria-label^="Von:"],[aria-label^="发件人:"])',
    seen: "2025-10-17",
    expect: "1–2 per message card (h3 and button)",
  },
];

/** The message card around a sender block (for its time). */
export const messageCard: SelectorChain = [
  { css: '[aria-label="Email message"]', seen: "2026-01", expect: "1 per message" },
  { css: "[data-app-section=ConversationContainer] > div", seen: "2024-11-08", expect: "1 per message" },
];

export const readingTime: SelectorChain = [
  { css: '[data-testid="SentReceivedSavedTime"]', seen: "2026-01", expect: "1 per message card" },
  { css: '[id$="_DATETIME"]', seen: "2024 (unverified)", expect: "1 per message card" },
];

/** Virtualised list rows; re-read on every render (rows are recycled). */
export const listRow: SelectorChain = [
  { css: "[role=option][data-convid]", seen: "2026-01-12", expect: "1 per mounted row (~20–40)" },
];

/** Within a row: the span whose title is the sender's address. */
export const listSender: SelectorChain = [{ css: 'span[title*="@"]', seen: "2026-01-12", expect: "1 per row" }];

export const observeRoot: SelectorChain = [
  { css: "#ReadingPaneContainerId", seen: "2025-10", expect: "1" },
  { css: '[data-app-section="MailReadCompose"]', seen: "2026-01", expect: "1" },
];

export const observeList: SelectorChain = [
  { css: "[role=listbox][aria-activedescendant]", seen: "2024-11-08", expect: "1" },
  { css: "[role=listbox]", seen: "2026-01", expect: "1" },
];
