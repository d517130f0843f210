// Generic pages (HOSTS.md §5): mailto links, attribute carriers and visible text; subtrees never scanned.
import type { SelectorChain } from "../types";

export const mailtoLink: SelectorChain = [{ css: 'a[href^="mailto:" i]', seen: "2026-07", expect: "0–n per page" }];

/** Elements whose text is never page text to mark (code, inputs, editors, our own chips). */
export const SKIP_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEXTAREA",
  "INPUT",
  "SELECT",
  "OPTION",
  "CODE",
  "PRE",
  "SVG",
  "MATH",
  "CANVAS",
  "IFRAME",
  "A",
  "HEAD",
  "TITLE",
]);

/** At most this many text anchors per scan, so a page full of addresses stays cheap. */
export const MAX_TEXT_ANCHORS = 200;
