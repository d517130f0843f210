// Generic adapter for sites the user enabled: mailto links and addresses in visible text nodes (text is never rewritten).
import { extractEmails, mailtoEmails } from "../../lib/email";
import type { HostAdapter, SenderAnchor } from "../types";
import { MAX_TEXT_ANCHORS, mailtoLink, SKIP_TAGS } from "./selectors";

/** Marks our own chip hosts so scans and observers skip them. */
export const CHIP_ATTR = "data-tierlens-chip";

function rejected(el: Element): boolean {
  return (
    SKIP_TAGS.has(el.tagName.toUpperCase()) ||
    el.hasAttribute(CHIP_ATTR) ||
    (el as HTMLElement).isContentEditable === true
  );
}

function textAnchors(root: ParentNode, out: SenderAnchor[]) {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE)
        return rejected(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      return (node as Text).data.includes("@") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  let count = 0;
  for (let node = walker.nextNode(); node && count < MAX_TEXT_ANCHORS; node = walker.nextNode()) {
    for (const email of extractEmails((node as Text).data)) {
      out.push({ after: node, email, context: "page" });
      count++;
    }
  }
}

export const genericAdapter: HostAdapter = {
  id: "generic",
  matches: () => true,
  findSenders(root) {
    const out: SenderAnchor[] = [];
    const links = (root as Element).matches?.(mailtoLink[0]!.css) ? [root as Element] : [];
    for (const link of [...links, ...root.querySelectorAll(mailtoLink[0]!.css)]) {
      const [email] = mailtoEmails(link.getAttribute("href") ?? "");
      if (email) out.push({ after: link, email, name: link.textContent?.trim() || undefined, context: "page" });
    }
    if ((root as Element).nodeType === Node.ELEMENT_NODE && rejected(root as Element)) return out;
    textAnchors(root, out);
    return out;
  },
  observeRoots: (doc) => (doc.body ? [doc.body] : []),
};
