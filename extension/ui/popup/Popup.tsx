// The toolbar popup: search, the current page's customers, one-click log, follow-ups due, outbox status, site switch,
// shortcut. The side panel shows the same, kept open beside the page, and follows the tab the rep is on.
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { getSettings } from "../../lib/connection";
import type { StatusReply } from "../../lib/messages";
import { ask } from "../send";
import { enableSite, isBuiltIn, originOf } from "../sites";
import { useLocale } from "../use-locale";
import { DueFollowUps } from "./DueFollowUps";
import { LogForm } from "./LogForm";
import { OutboxStatus } from "./OutboxStatus";
import { currentPage, type PageInfo } from "./page-info";
import { PageCustomers, Search } from "./Search";

/** The key that opens the popup; "" when Chrome assigned none (a clash, or the user removed it); null while asking. */
function useShortcut(): string | null {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) => setKeys(all.find((c) => c.name === "_execute_action")?.shortcut ?? ""));
  }, []);
  return keys;
}

function SiteSwitch({ page, t }: { page: PageInfo; t: ReturnType<typeof useLocale>["t"] }) {
  const origin = originOf(page.url);
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    if (origin) void getSettings().then((s) => setEnabled(s.sites.includes(origin)));
  }, [origin]);
  if (!origin || !page.url || isBuiltIn(page.url)) return null;
  if (enabled) return <p class="muted">{t("popup.siteEnabled")}</p>;
  return (
    <button type="button" onClick={() => void enableSite(origin, page.tabId).then(setEnabled)}>
      {t("popup.enableSite")}
    </button>
  );
}

/** How often the side panel reads the active tab again while shown: chips appear after a page loads, threads change. */
const PANEL_REFRESH_MS = 2_000;

/** The page the popup is about; in the side panel, whichever tab is active now (switched to, loaded, or changed). */
function usePage(panel: boolean): PageInfo | null {
  const [page, setPage] = useState<PageInfo | null>(null);
  useEffect(() => {
    let last = "";
    const read = () =>
      void currentPage(new URLSearchParams(location.search)).then((next) => {
        const key = JSON.stringify(next);
        if (key !== last) setPage(next); // unchanged: no re-render
        last = key;
      });
    read();
    if (!panel) return;
    const updated = (_id: number, change: { status?: string }, tab: { active?: boolean }) => {
      if (tab.active && change.status === "complete") read();
    };
    browser.tabs.onActivated.addListener(read);
    browser.tabs.onUpdated.addListener(updated);
    const timer = setInterval(() => document.visibilityState === "visible" && read(), PANEL_REFRESH_MS);
    return () => {
      browser.tabs.onActivated.removeListener(read);
      browser.tabs.onUpdated.removeListener(updated);
      clearInterval(timer);
    };
  }, [panel]);
  return page;
}

/** From the popup: the same, kept open beside the page (Chrome's side panel). */
function OpenPanel({ t }: { t: ReturnType<typeof useLocale>["t"] }) {
  const open = async () => {
    const win = await browser.windows.getCurrent();
    if (win.id === undefined) return;
    await browser.sidePanel.open({ windowId: win.id });
    window.close();
  };
  return (
    <button type="button" data-testid="open-panel" onClick={() => void open()}>
      {t("popup.openPanel")}
    </button>
  );
}

export function Popup({ panel = false }: { panel?: boolean }) {
  const { t, locale } = useLocale();
  const [status, setStatus] = useState<StatusReply | null>(null);
  const page = usePage(panel);
  const shortcut = useShortcut();
  const refresh = () => void ask({ type: "status" }).then(setStatus);
  useEffect(() => {
    refresh();
  }, []);
  // Keyboard users land on a field: the log form's kind when the page has something to log (an address, a
  // selection, or the context menu's prefill), else the search box. Only once the page is known.
  const params = new URLSearchParams(location.search);
  const logFirst =
    page !== null && (params.get("mode") === "log" || page.emails.length > 0 || page.selection.trim() !== "");
  if (!status) return null;
  // With something on the page to log, the log form comes first; otherwise the replies and follow-ups due do.
  const due = <DueFollowUps serverUrl={status.serverUrl ?? ""} t={t} locale={locale} onLogged={refresh} />;
  if (!status.connected) {
    return (
      <div>
        <p>{t("popup.notConnected")}</p>
        <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t("popup.settings")}
        </button>
        <OutboxStatus status={status} t={t} refresh={refresh} />
      </div>
    );
  }
  return (
    <div>
      {/* The side panel stays open while the rep works in the page: it takes no focus, and its order never moves. */}
      <Search serverUrl={status.serverUrl ?? ""} t={t} autoFocus={!panel && page !== null && !logFirst} />
      {page && <PageCustomers emails={page.emails} serverUrl={status.serverUrl ?? ""} t={t} />}
      {page && !logFirst && !panel && due}
      {/* A new page, a new form: its address and selection come from the page. */}
      {page && (
        <LogForm
          key={`${page.tabId}:${page.url}`}
          page={page}
          t={t}
          onLogged={refresh}
          autoFocus={!panel && logFirst}
        />
      )}
      {page && (logFirst || panel) && due}
      <OutboxStatus status={status} t={t} refresh={refresh} />
      <div class="row between" style="margin-top:8px">
        {page && <SiteSwitch page={page} t={t} />}
        {panel || params.get("mode") === "log" ? null : <OpenPanel t={t} />}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t("popup.settings")}
        </button>
      </div>
      {shortcut !== null && (
        <p class="muted" data-testid="shortcut">
          {shortcut ? t("popup.shortcut", { keys: shortcut }) : t("popup.noShortcut")}
        </p>
      )}
    </div>
  );
}
