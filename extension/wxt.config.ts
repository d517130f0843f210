// WXT build of the Tierlens extension (issue #6): Chrome MV3, Preact pages, narrow permissions.
import { defineConfig } from "wxt";
import { BUILTIN_MATCHES } from "./hosts/matches";

/** The generic script's placeholder match; it is registered at run time per enabled site, never granted up front. */
export const GENERIC_PLACEHOLDER = "https://example.invalid/*";

/** Toolbar and store icons (extension/public/icon). */
const ICONS = { 16: "icon/16.png", 32: "icon/32.png", 48: "icon/48.png", 128: "icon/128.png" } as const;

export default defineConfig({
  srcDir: ".",
  hooks: {
    // WXT lists a runtime-registered script's matches as host permissions; the generic one must not get any.
    "build:manifestGenerated": (_wxt, manifest) => {
      manifest.host_permissions = manifest.host_permissions?.filter((p: string) => p !== GENERIC_PLACEHOLDER);
    },
  },
  vite: () => ({
    esbuild: { jsx: "automatic", jsxImportSource: "preact" },
    build: {
      target: "chrome116",
      rollupOptions: {
        // zod's own `@__PURE__` comments sit where Rollup cannot read them; it drops them harmlessly but warns
        // at length on every build. Only that warning, and only from node_modules, is silenced.
        onwarn(warning, warn) {
          if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
          warn(warning);
        },
      },
    },
  }),
  manifest: ({ mode }) => ({
    name: "Tierlens",
    version: "0.1.0",
    description: "Customer tier, credit and next steps beside every email; one-click logging.",
    // public/icon/<size>.png, drawn by scripts/make-icons.ts (WXT would also discover them; listed to be explicit).
    icons: ICONS,
    minimum_chrome_version: "116",
    permissions: ["storage", "alarms", "contextMenus", "activeTab", "scripting"],
    host_permissions: [
      ...BUILTIN_MATCHES,
      // `wxt build --mode e2e` only: the local test worker cannot answer a permission prompt.
      ...(mode === "e2e" ? ["http://127.0.0.1/*"] : []),
    ],
    optional_host_permissions: ["*://*/*"],
    // Only through the per-session dynamic URL (runtime.getURL returns it): a page cannot probe a fixed
    // chrome-extension://<id>/card.html to detect that Tierlens is installed (enforced by Chrome 130+).
    web_accessible_resources: [{ resources: ["card.html"], matches: ["<all_urls>"], use_dynamic_url: true }],
    action: { default_title: "Tierlens", default_icon: { 16: ICONS[16], 32: ICONS[32] } },
    commands: {
      // Not Alt+Shift+T: Chrome keeps that for "focus the toolbar" (Windows, Linux, ChromeOS) and silently leaves the
      // command without a key. Alt+Shift+L ("log"), Control+Shift+L on a Mac (Option+Shift types characters there).
      _execute_action: {
        suggested_key: { default: "Alt+Shift+L", mac: "MacCtrl+Shift+L" },
        description: "Open Tierlens for this page",
      },
    },
  }),
});
