// QQ Mail / Exmail adapter: new app reader and list (names only), classic frame documents (addresses in attributes).
import { extractEmail, normaliseEmail } from "../../lib/email";
import { parseMailDate } from "../../lib/parse-date";
import { type HostAdapter, queryChain, queryFirst, type SenderAnchor } from "../types";
import * as sel from "./selectors";

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";

/** The classic "时　间：" value next to its label. */
function classicTime(root: ParentNode): number | null {
  const label = [...root.querySelectorAll(".addrtitle")].find((l) => /^时\s*间/.test(text(l)));
  return parseMailDate(text(label?.nextElementSibling));
}

function newReader(root: ParentNode, out: SenderAnchor[]) {
  for (const header of queryChain(root, sel.newHeader)) {
    const emailEl = queryFirst(header, sel.newSenderEmail);
    const email = extractEmail(text(emailEl));
    if (!emailEl || !email) continue;
    const name = text(emailEl.parentElement?.querySelector(".cmp-account-nick")) || undefined;
    const receivedAt = parseMailDate(text(queryFirst(header, sel.newTime)));
    out.push({ after: emailEl, email, name, context: "reading", ...(receivedAt ? { receivedAt } : {}) });
  }
  for (const row of queryChain(root, sel.newListRow)) {
    const nameEl = queryFirst(row, sel.newListName);
    const name = text(nameEl);
    const email = extractEmail(nameEl?.getAttribute("title")); // sometimes filled on hover
    if (nameEl && name) out.push({ after: nameEl, name, context: "list", ...(email ? { email } : {}) });
  }
}

function classic(root: ParentNode, out: SenderAnchor[]) {
  const sender = queryFirst(root, sel.classicSender);
  const email = normaliseEmail(sender?.getAttribute("e") ?? sender?.getAttribute("fromaddr"));
  if (sender && email) {
    const receivedAt = classicTime(root);
    const name = sender.getAttribute("n") ?? undefined;
    out.push({ after: sender, email, name, context: "reading", ...(receivedAt ? { receivedAt } : {}) });
  }
  for (const box of queryChain(root, sel.classicListBox)) {
    const row = box.closest("table.i, tr") ?? box.parentElement;
    const carrier = row?.querySelector("td.tl span[e], td.tl[title*='@']");
    const email = normaliseEmail(
      box.getAttribute("fa") ?? carrier?.getAttribute("e") ?? carrier?.getAttribute("title"),
    );
    if (!email) continue;
    const totime = Number(box.getAttribute("totime"));
    out.push({
      after: carrier ?? box,
      email,
      name: box.getAttribute("fn") ?? undefined,
      context: "list",
      ...(totime > 0 ? { receivedAt: totime } : {}),
    });
  }
}

export const qqAdapter: HostAdapter = {
  id: "qq",
  matches: (url) => /(^|\.)(mail\.qq\.com|exmail\.qq\.com)$/.test(url.hostname),
  findSenders(root) {
    const out: SenderAnchor[] = [];
    newReader(root, out);
    classic(root, out);
    return out;
  },
  observeRoots: (doc) => [
    ...queryChain(doc, sel.observeRoot).slice(0, 1),
    ...queryChain(doc, sel.observeList).slice(0, 1),
  ],
};
