// Background service worker: message router, outbox flush on alarms / startup / reconnect / a request that succeeds
// again, the badge (touches waiting, follow-ups due, recounted on an alarm), menus, generic sites.
import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { onServerReachable } from "../../lib/api";
import { getConnection } from "../../lib/connection";
import { showBadge } from "./badge";
import { refreshDueBadge } from "./follow-ups";
import { createMenus, onMenuClick } from "./menus";
import { refreshProfile } from "./profile";
import { handle } from "./router";
import { outbox, restoreLookupCache, schedule, updateBadge } from "./services";
import { syncGenericScripts } from "./sites";

const FLUSH_ALARM = "outbox-flush";
/** Recounts the follow-ups due: the count follows the day and changes logged elsewhere (the admin, a colleague). */
const DUE_ALARM = "due-refresh";
const DUE_PERIOD_MINUTES = 30;

export default defineBackground({
  type: "module",
  main() {
    // Listeners first and synchronously: a woken service worker must find them registered.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      handle(message, sender).then(sendResponse, () => sendResponse(null));
      return true;
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === FLUSH_ALARM) void outbox.flush();
      if (alarm.name === DUE_ALARM) void refreshDueBadge().catch(() => undefined);
    });
    browser.runtime.onInstalled.addListener(() => {
      void createMenus();
      void syncGenericScripts().catch(() => undefined);
    });
    browser.runtime.onStartup.addListener(() => {
      void outbox.flush(true);
      void refreshDueBadge().catch(() => undefined);
    });
    browser.contextMenus.onClicked.addListener(onMenuClick);
    self.addEventListener("online", () => void outbox.flush(true));
    // Any request to the worker that succeeds again (a lookup, a search, /me) sends what waited out a failure.
    onServerReachable(() => void outbox.serverReachable().catch(() => undefined));
    // A roll-out script (or a test) may write `connection` directly: fetch the profile and flush when it appears.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === "local" && changes.settings) {
        void createMenus(); // the menu and the badge's tooltip speak the chosen language
        void showBadge();
      }
      if (area !== "local" || !changes.connection) return;
      // Disconnected: no count of someone's follow-ups stays on the toolbar.
      if (!changes.connection.newValue) return void showBadge({ due: null });
      void refreshProfile().catch(() => undefined);
      void outbox.flush(true);
      void refreshDueBadge().catch(() => undefined);
    });

    void browser.alarms.get(FLUSH_ALARM).then(async (a) => {
      if (a?.periodInMinutes !== schedule.alarmPeriodMinutes)
        await browser.alarms.create(FLUSH_ALARM, { periodInMinutes: schedule.alarmPeriodMinutes });
    });
    void browser.alarms.get(DUE_ALARM).then(async (a) => {
      if (a) return;
      await browser.alarms.create(DUE_ALARM, { periodInMinutes: DUE_PERIOD_MINUTES });
      void refreshDueBadge().catch(() => undefined); // a new install or a browser that was closed: count now
    });
    void restoreLookupCache();
    void outbox.summary().then(updateBadge); // also migrates a v1 outbox before anything else touches it
    void getConnection().then((c) => c && outbox.flush(true));
  },
});
