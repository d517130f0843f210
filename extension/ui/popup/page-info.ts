// What the popup knows about the current tab: URL, title, selected text and detected addresses (activeTab + scripting).
import { browser } from "wxt/browser";

export interface PageInfo {
  tabId: number | null;
  url: string | null;
  title: string | null;
  selection: string;
  emails: string[];
}

/** Runs in the page: selection, addresses our chips marked, mailto links. Returns strings only. */
function collect(): { selection: string; emails: string[] } {
  const emails = new Set<string>();
  for (const el of document.querySelectorAll("[data-tierlens-chip]")) {
    const v = el.getAttribute("data-tierlens-chip") ?? "";
    if (v.includes("@")) emails.add(v);
  }
  for (const a of document.querySelectorAll('a[href^="mailto:" i]')) {
    const v = (a.getAttribute("href") ?? "").slice(7).split("?")[0]?.split(",")[0]?.trim().toLowerCase();
    if (v?.includes("@")) emails.add(v);
    if (emails.size >= 20) break;
  }
  return { selection: String(getSelection() ?? "").slice(0, 2000), emails: [...emails].slice(0, 20) };
}

export async function currentPage(params: URLSearchParams): Promise<PageInfo> {
  // Opened from the context menu: the menu handler passed what it knew.
  if (params.get("mode") === "log") {
    const email = params.get("email");
    return {
      tabId: null,
      url: params.get("url"),
      title: params.get("title"),
      selection: params.get("summary") ?? "",
      emails: email ? [email] : [],
    };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const info: PageInfo = {
    tabId: tab?.id ?? null,
    url: tab?.url ?? null,
    title: tab?.title ?? null,
    selection: "",
    emails: [],
  };
  if (!tab?.id || !/^https?:/.test(tab.url ?? "")) return info;
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: collect });
    const data = result?.result as ReturnType<typeof collect> | undefined;
    if (data) Object.assign(info, data);
  } catch {
    // Pages we may not script (the Web Store, PDFs): URL and title are still known.
  }
  return info;
}
