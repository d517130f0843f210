// The one small interface every webmail host implements, and the dated selector chains it is built from.

/** Where on the host page the sender was found: an open message, a list row, or any page text. */
export type SenderContext = "reading" | "list" | "page";

export interface SenderAnchor {
  /** The chip is inserted right after this node. */
  after: Node;
  /** Lower-cased address; absent on hosts whose lists show only a display name (QQ new, 163). */
  email?: string;
  name?: string;
  /** When the message arrived (epoch ms), for "reply by"; reading pane only. */
  receivedAt?: number;
  context: SenderContext;
}

export interface HostAdapter {
  id: string;
  matches(url: URL): boolean;
  /** Every sender visible under `root`; must not throw on foreign markup (return [] instead). */
  findSenders(root: ParentNode): SenderAnchor[];
  /** The narrow containers to watch for re-renders (message list, reading pane), never a whole body of a webmail. */
  observeRoots(doc: Document): Element[];
}

/** One selector of a fallback chain, with the date it was seen and how many matches to expect. */
export interface DatedSelector {
  css: string;
  /** When this selector was last confirmed (source in HOSTS.md). */
  seen: string;
  /** Expected matches, e.g. "1 per open message". */
  expect: string;
}

export type SelectorChain = readonly DatedSelector[];

/** Matches of the first selector in the chain that finds anything (newest first, older as fallback). */
export function queryChain(root: ParentNode, chain: SelectorChain): Element[] {
  for (const { css } of chain) {
    const found = root.querySelectorAll(css);
    if (found.length > 0) return [...found];
  }
  return [];
}

/** The first element of the first matching selector. */
export function queryFirst(root: ParentNode, chain: SelectorChain): Element | null {
  return queryChain(root, chain)[0] ?? null;
}
