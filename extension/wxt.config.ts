// WXT build of the Tierlens extension (issue #6): Chrome MV3, Preact pages, narrow permissions.
import { defineConfig } from "wxt";
import { BUILTIN_MATCHES } from "./hosts/matches";

/** The generic script's placeholder match; it is registered at run time per enabled site, never granted up front. */
export const GENERIC_PLACEHOLDER = "https://example.invalid/*";

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
    build: { target: "chrome116" },
  }),
  manifest: ({ mode }) => ({
    name: "Tierlens",
    version: "0.1.0",
    description: "Customer tier, credit and next steps beside every email; one-click logging.",
    minimum_chrome_version: "116",
    permissions: ["storage", "alarms", "contextMenus", "activeTab", "scripting"],
    host_permissions: [
      ...BUILTIN_MATCHES,
      // `wxt build --mode e2e` only: the local test worker cannot answer a permission prompt.
      ...(mode === "e2e" ? ["http://127.0.0.1/*"] : []),
    ],
    optional_host_permissions: ["*://*/*"],
    web_accessible_resources: [{ resources: ["card.html"], matches: ["<all_urls>"] }],
    action: { default_title: "Tierlens" },
    commands: {
      _execute_action: {
        suggested_key: { default: "Alt+Shift+T", mac: "Alt+Shift+T" },
        description: "Open Tierlens for this page",
      },
    },
  }),
});
