// NetEase adapter: the sender of every open read module, and list rows (display names, resolved from learned names).
import { extractEmail } from "../../lib/email";
import { parseMailDate } from "../../lib/parse-date";
import { type HostAdapter, queryChain, queryFirst, type SenderAnchor } from "../types";
import * as sel from "./selectors";

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
const HOSTS = /(^|\.)(mail\.163\.com|mail\.126\.com|mail\.yeah\.net|qiye\.163\.com)$/;

function readingTime(module: Element): number | null {
  const row = queryChain(module, sel.headerRow).find((r) => /^时\s*间/.test(text(r.querySelector(".fT"))));
  return parseMailDate(text(row?.querySelector(".fU")));
}

export const neteaseAdapter: HostAdapter = {
  id: "netease",
  matches: (url) => HOSTS.test(url.hostname),
  findSenders(root) {
    const out: SenderAnchor[] = [];
    for (const module of queryChain(root, sel.readModule)) {
      const emailEl = queryFirst(module, sel.readingSenderEmail);
      const email = extractEmail(text(emailEl));
      if (!emailEl || !email) continue;
      const name = text(emailEl.parentElement?.querySelector(".nui-addr-name")) || undefined;
      const receivedAt = readingTime(module);
      out.push({ after: emailEl, email, name, context: "reading", ...(receivedAt ? { receivedAt } : {}) });
    }
    for (const row of queryChain(root, sel.listRow)) {
      const nameEl = queryFirst(row, sel.listName);
      const name = text(nameEl);
      if (!nameEl || !name) continue;
      const email = extractEmail(nameEl.getAttribute("title"));
      const receivedAt = parseMailDate(queryFirst(row, sel.listTime)?.getAttribute("title"));
      out.push({
        after: nameEl,
        name,
        context: "list",
        ...(email ? { email } : {}),
        ...(receivedAt ? { receivedAt } : {}),
      });
    }
    return out;
  },
  observeRoots: (doc) => queryChain(doc, sel.observeRoot).slice(0, 1),
};
