// Background service worker: message router, outbox flush on alarms / startup / reconnect / a request that succeeds
// again, badge, menus, generic sites.
import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { onServerReachable } from "../../lib/api";
import { getConnection } from "../../lib/connection";
import { createMenus, onMenuClick } from "./menus";
import { refreshProfile } from "./profile";
import { handle } from "./router";
import { outbox, restoreLookupCache, schedule, updateBadge } from "./services";
import { syncGenericScripts } from "./sites";

const FLUSH_ALARM = "outbox-flush";

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
    });
    browser.runtime.onInstalled.addListener(() => {
      void createMenus();
      void syncGenericScripts().catch(() => undefined);
    });
    browser.runtime.onStartup.addListener(() => void outbox.flush(true));
    browser.contextMenus.onClicked.addListener(onMenuClick);
    self.addEventListener("online", () => void outbox.flush(true));
    // Any request to the worker that succeeds again (a lookup, a search, /me) sends what waited out a failure.
    onServerReachable(() => void outbox.serverReachable().catch(() => undefined));
    // A roll-out script (or a test) may write `connection` directly: fetch the profile and flush when it appears.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === "local" && changes.settings) void createMenus(); // the menu speaks the chosen language
      if (area !== "local" || !changes.connection?.newValue) return;
      void refreshProfile().catch(() => undefined);
      void outbox.flush(true);
    });

    void browser.alarms.get(FLUSH_ALARM).then(async (a) => {
      if (a?.periodInMinutes !== schedule.alarmPeriodMinutes)
        await browser.alarms.create(FLUSH_ALARM, { periodInMinutes: schedule.alarmPeriodMinutes });
    });
    void restoreLookupCache();
    void outbox.summary().then(updateBadge); // also migrates a v1 outbox before anything else touches it
    void getConnection().then((c) => c && outbox.flush(true));
  },
});
