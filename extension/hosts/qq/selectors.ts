// QQ Mail (new wx.mail.qq.com, classic mail.qq.com) and Tencent Exmail selectors, dated chains (HOSTS.md §3).
import type { SelectorChain } from "../types";

/** New app: the header block of each message in the reader. */
export const newHeader: SelectorChain = [
  { css: ".mail-detail-basic", seen: "2026", expect: "1 per message in the reader" },
];

/** New app, inside a header: the sender's `<addr>` text (first header item is 发件人). */
export const newSenderEmail: SelectorChain = [
  { css: ".basic-body-item:first-child .cmp-account-email", seen: "2026", expect: "1 per header" },
  { css: ".cmp-account-email", seen: "2025-07-02", expect: "1 per header (first is the sender)" },
];

export const newTime: SelectorChain = [{ css: ".time-text", seen: "2026", expect: "1 per header" }];

/** New app list rows: display name only, no address in the row. */
export const newListRow: SelectorChain = [
  { css: ".mail-list-page-item[data-mailid]", seen: "2026", expect: "1 per row" },
  { css: "div.mail-list-page-item", seen: "2025-07-02", expect: "1 per row" },
];

export const newListName: SelectorChain = [
  { css: ".mail-sender .cmp-account-nick", seen: "2026", expect: "1 per row" },
  { css: ".mail-sender", seen: "2025", expect: "1 per row" },
];

/** Classic / Exmail readmail document (inside mainFrame): `span[e]` right after the "发件人：" label. */
export const classicSender: SelectorChain = [
  {
    css: ".readmailinfo span.addrtitle + span[e]",
    seen: "2018-01-14 (bmail 2024-12)",
    expect: "1 (first is the sender)",
  },
  { css: "#tipFromAddr_readmail[fromaddr]", seen: "2018-01-14", expect: "1" },
];

/** Classic list document: the checkbox carries from-address `fa`, name `fn` and `totime` (ms). */
export const classicListBox: SelectorChain = [
  { css: "input[name=mailid][fa]", seen: "2018-01-14", expect: "1 per row" },
  { css: "input[name=mailid][totime]", seen: "2026-09 (Exmail)", expect: "1 per row" },
];

export const observeRoot: SelectorChain = [
  { css: ".mail-list-page-reader", seen: "2026", expect: "1" },
  { css: ".mail_app", seen: "2025-07-02", expect: "1" },
  { css: "#mainmail", seen: "2018-01-14", expect: "1 (classic readmail frame)" },
];

export const observeList: SelectorChain = [
  { css: ".mail-list-page-items", seen: "2026", expect: "1" },
  { css: ".toarea", seen: "2018-01-14", expect: "1 (classic list frame)" },
];
