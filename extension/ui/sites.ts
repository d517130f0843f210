// Per-site enabling of the generic content script: ask the host permission at that moment, then register.
import { browser } from "wxt/browser";
import { BUILTIN_MATCHES } from "../hosts/matches";
import { getSettings, setSettings } from "../lib/connection";
import { ask } from "./send";

/** True when a built-in webmail content script already covers this URL. */
export function isBuiltIn(url: string): boolean {
  return BUILTIN_MATCHES.some((pattern) => {
    const source = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    return new RegExp(`^${source}$`).test(url);
  });
}

export function originOf(url: string | null | undefined): string | null {
  try {
    const u = new URL(url ?? "");
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** Must run inside a click handler (permissions.request needs the user's gesture). */
export async function enableSite(origin: string, tabId?: number | null): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
  if (!granted) return false;
  const { sites } = await getSettings();
  await setSettings({ sites: [...new Set([...sites, origin])] });
  await ask({ type: "sitesChanged" });
  if (tabId)
    await browser.scripting
      .executeScript({ target: { tabId }, files: ["/content-scripts/generic.js"] })
      .catch(() => undefined);
  return true;
}

export async function disableSite(origin: string): Promise<void> {
  const { sites } = await getSettings();
  await setSettings({ sites: sites.filter((s) => s !== origin) });
  await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
  await ask({ type: "sitesChanged" });
}
