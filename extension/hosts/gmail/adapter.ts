// Gmail adapter: the open thread's senders (span[email]) and the message list's senders.
import { normaliseEmail } from "../../lib/email";
import { parseMailDate } from "../../lib/parse-date";
import { type HostAdapter, queryChain, queryFirst, type SenderAnchor } from "../types";
import * as sel from "./selectors";

function anchorOf(el: Element, context: SenderAnchor["context"], receivedAt?: number | null): SenderAnchor | null {
  const email = normaliseEmail(el.getAttribute("email") ?? el.getAttribute("data-hovercard-id"));
  if (!email) return null;
  const name = el.getAttribute("name") ?? el.textContent?.trim() ?? undefined;
  return { after: el, email, name, context, ...(receivedAt ? { receivedAt } : {}) };
}

export const gmailAdapter: HostAdapter = {
  id: "gmail",
  matches: (url) => url.hostname === "mail.google.com",
  findSenders(root) {
    const out: SenderAnchor[] = [];
    for (const message of queryChain(root, sel.messageRoot)) {
      const sender = queryFirst(message, sel.readingSender);
      const time = queryFirst(message, sel.readingTime)?.getAttribute("title");
      const anchor = sender && anchorOf(sender, "reading", parseMailDate(time));
      if (anchor) out.push(anchor);
    }
    for (const row of queryChain(root, sel.listRow)) {
      if (row.querySelector(".am0, .bvA")) continue;
      const time = parseMailDate(queryFirst(row, sel.listTime)?.getAttribute("title"));
      for (const sender of queryChain(row, sel.listSender)) {
        const anchor = anchorOf(sender, "list", time);
        if (anchor) out.push(anchor);
      }
    }
    return out;
  },
  observeRoots: (doc) => queryChain(doc, sel.observeRoot).slice(0, 1),
};
