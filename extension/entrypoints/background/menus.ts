// Context menu "Log interaction with …" on a selected address or a mailto link: opens the log form prefilled.
import { type Browser, browser } from "wxt/browser";
import { getSettings } from "../../lib/connection";
import { extractEmail, mailtoEmails } from "../../lib/email";
import { browserLanguage, resolveLocale, translator } from "../../lib/i18n";

export async function createMenus(): Promise<void> {
  const t = translator(resolveLocale((await getSettings()).locale, browserLanguage()));
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: "log-selection", title: t("menu.logSelection"), contexts: ["selection"] });
  browser.contextMenus.create({
    id: "log-link",
    title: t("menu.logLink"),
    contexts: ["link"],
    targetUrlPatterns: ["mailto:*"],
  });
}

export function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const email = info.menuItemId === "log-link" ? mailtoEmails(info.linkUrl ?? "")[0] : extractEmail(info.selectionText);
  const params = new URLSearchParams({ mode: "log" });
  if (email) params.set("email", email);
  if (tab?.url && /^https?:/.test(tab.url)) params.set("url", tab.url);
  if (tab?.title) params.set("title", tab.title.slice(0, 500));
  if (info.selectionText && !email) params.set("summary", info.selectionText.slice(0, 2000));
  void browser.windows.create({
    url: browser.runtime.getURL(`/popup.html?${params}`),
    type: "popup",
    width: 380,
    height: 560,
  });
}
