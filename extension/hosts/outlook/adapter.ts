// Outlook on the web adapter: reading-pane senders ("Name <addr>", or the name only for colleagues) and list senders.
import { extractEmail, normaliseEmail } from "../../lib/email";
import { parseMailDate } from "../../lib/parse-date";
import { OUTLOOK_MATCHES } from "../matches";
import { type HostAdapter, queryChain, queryFirst, type SenderAnchor } from "../types";
import * as sel from "./selectors";

const HOSTS = new Set(OUTLOOK_MATCHES.map((m) => new URL(m.replace("*", "x")).hostname));
const FROM_LABEL = /^(From|De|Von|发件人)[:：]\s*/;

function readingAnchor(from: Element): SenderAnchor | null {
  const button = from.matches("button") ? from : from.querySelector("button");
  const text = (button ?? from).textContent ?? "";
  const email =
    extractEmail(text) ??
    extractEmail(from.querySelector('[title*="@"]')?.getAttribute("title")) ??
    extractEmail(from.querySelector('a[href^="mailto:" i]')?.getAttribute("href"));
  const label = from.querySelector("[aria-label]")?.getAttribute("aria-label") ?? from.getAttribute("aria-label") ?? "";
  const name = label.replace(FROM_LABEL, "").trim() || text.replace(/<[^>]*>/, "").trim() || undefined;
  const card = from.closest(sel.messageCard.map((s) => s.css).join(","));
  const timeEl = card ? queryFirst(card, sel.readingTime) : null;
  const receivedAt = parseMailDate(timeEl?.getAttribute("title") || timeEl?.textContent);
  if (!email && !name) return null;
  return {
    after: button ?? from,
    context: "reading",
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
    ...(receivedAt ? { receivedAt } : {}),
  };
}

export const outlookAdapter: HostAdapter = {
  id: "outlook",
  matches: (url) => HOSTS.has(url.hostname),
  findSenders(root) {
    const out: SenderAnchor[] = [];
    const seen = new Set<Element>();
    for (const from of queryChain(root, sel.readingFrom)) {
      const card = from.closest('[aria-label="Email message"]') ?? from;
      if (seen.has(card)) continue; // the chain's 2nd selector matches both h3 and its button
      seen.add(card);
      const anchor = readingAnchor(from);
      if (anchor) out.push(anchor);
    }
    for (const row of queryChain(root, sel.listRow)) {
      const sender = queryFirst(row, sel.listSender);
      const email = normaliseEmail(sender?.getAttribute("title"));
      if (!sender || !email) continue;
      const dated = [...row.querySelectorAll("span[title]")].map((s) => parseMailDate(s.getAttribute("title")));
      const receivedAt = dated.find((t) => t !== null);
      out.push({
        after: sender,
        email,
        name: sender.textContent?.trim() || undefined,
        context: "list",
        ...(receivedAt ? { receivedAt } : {}),
      });
    }
    return out;
  },
  observeRoots: (doc) => [
    ...queryChain(doc, sel.observeRoot).slice(0, 1),
    ...queryChain(doc, sel.observeList).slice(0, 1),
  ],
};
