// Extension permissions (issue #8 §10): the manifest asks for nothing beyond what the features use — an explicit
// allow-list of API permissions (each one really called in the source) and of webmail hosts; every other site only
// through optional_host_permissions, granted at run time. Checked on the config and on every built manifest.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_MATCHES } from "../../extension/hosts/matches";
import config from "../../extension/wxt.config";

/** Every API permission the extension may hold, and the call in the source that needs it. */
const PERMISSIONS: Record<string, RegExp> = {
  storage: /browser\.storage\.(local|session)/, // connection, outbox, cache, settings
  alarms: /browser\.alarms\.create/, // the outbox flush
  contextMenus: /browser\.contextMenus\.create/, // "Log interaction with …"
  activeTab: /browser\.tabs\.query\(\{ active: true/, // the popup reads the current tab, on the user's click
  scripting: /browser\.scripting\.(executeScript|registerContentScripts)/, // selection capture, enabled sites
  sidePanel: /browser\.sidePanel\.open/, // the popup's content kept open beside the page (no install warning)
};
/** Never, whatever a feature wants: each would read far more of the user's browsing than addresses. */
const FORBIDDEN = [
  "tabs",
  "history",
  "cookies",
  "webRequest",
  "webRequestBlocking",
  "declarativeNetRequest",
  "debugger",
  "management",
  "nativeMessaging",
  "downloads",
  "clipboardRead",
  "identity",
  "privacy",
  "proxy",
  "topSites",
  "bookmarks",
  "geolocation",
  "unlimitedStorage",
  "webNavigation",
  "background",
];
/** Built only by `wxt build --mode e2e`: the local test worker, which no headless test can grant at run time. */
const E2E_ONLY_HOSTS = ["http://127.0.0.1/*"];

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker?: string; persistent?: boolean };
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(readFileSync(path, "utf8"));
  }
  return out;
}

function checkManifest(m: Manifest, label: string, extraHosts: string[] = []) {
  for (const p of m.permissions ?? []) expect(Object.keys(PERMISSIONS), `${label}: permission ${p}`).toContain(p);
  for (const p of FORBIDDEN) expect(m.permissions ?? [], `${label}: forbidden ${p}`).not.toContain(p);
  expect(m.optional_permissions ?? [], `${label}: optional API permissions`).toEqual([]);
  const allowedHosts = [...BUILTIN_MATCHES, ...extraHosts];
  for (const h of m.host_permissions ?? []) expect(allowedHosts, `${label}: host ${h}`).toContain(h);
  for (const h of m.host_permissions ?? []) {
    expect(h, `${label}: broad host ${h}`).not.toMatch(/^(<all_urls>|\*:\/\/\*\/|https?:\/\/\*\/)/);
    if (!extraHosts.includes(h)) expect(h, `${label}: plain-HTTP host ${h}`).toMatch(/^https:\/\//);
  }
  // Extra sites (the generic adapter, the user's own server) only at run time.
  expect(m.optional_host_permissions, label).toEqual(["*://*/*"]);
  for (const script of m.content_scripts ?? []) {
    for (const match of script.matches)
      expect(m.host_permissions ?? [], `${label}: content script on ${match}`).toContain(match);
  }
  // Pages reach only the card, which loads data through the background; nobody else may message the extension.
  expect(
    (m.web_accessible_resources ?? []).flatMap((r) => r.resources),
    label,
  ).toEqual(["card.html"]);
  // …and only through the per-session dynamic URL, so a page cannot probe a fixed address to detect the extension.
  for (const r of m.web_accessible_resources ?? []) expect(r.use_dynamic_url, `${label}: use_dynamic_url`).toBe(true);
  expect(m.externally_connectable, label).toBeUndefined();
  const csp = m.content_security_policy?.extension_pages ?? "";
  expect(csp, label).not.toMatch(/unsafe-eval|unsafe-inline|http:/);
  expect(m.background?.persistent, label).toBeUndefined();
}

describe("extension permissions", () => {
  it("every allowed API permission is really used by a feature (an unused one must be dropped)", () => {
    const code = sources("extension").join("\n");
    for (const [permission, use] of Object.entries(PERMISSIONS)) expect(use.test(code), permission).toBe(true);
  });

  it("the WXT config asks for the allow-list only, in production and in the e2e build", async () => {
    const manifest = config.manifest as unknown as (env: {
      mode: string;
      browser: string;
      manifestVersion: number;
      command: string;
    }) => Manifest;
    expect(typeof manifest).toBe("function");
    const production = manifest({ mode: "production", browser: "chrome", manifestVersion: 3, command: "build" });
    checkManifest(production, "config (production)");
    expect(production.host_permissions).toEqual(BUILTIN_MATCHES);
    const e2e = manifest({ mode: "e2e", browser: "chrome", manifestVersion: 3, command: "build" });
    checkManifest(e2e, "config (e2e)", E2E_ONLY_HOSTS);
  });

  for (const [dir, extra] of [
    ["extension/.output/chrome-mv3", []],
    ["extension/.output/chrome-mv3-e2e", E2E_ONLY_HOSTS],
  ] as const) {
    const file = join(dir, "manifest.json");
    it(`the built ${dir}/manifest.json asks for the allow-list only`, () => {
      expect(
        existsSync(file),
        `${file} is missing: build the extension first (npm run build:ext, and --mode e2e)`,
      ).toBe(true);
      const m = JSON.parse(readFileSync(file, "utf8")) as Manifest;
      checkManifest(m, file, [...extra]);
      if (extra.length === 0) {
        // The runtime-registered generic script's placeholder never becomes a host permission.
        expect(m.host_permissions).not.toContain("https://example.invalid/*");
        expect(m.host_permissions).toEqual(BUILTIN_MATCHES);
      }
    });
  }
});
