// Per-site generic content script: registered at run time only for origins the user enabled and granted.
import { browser } from "wxt/browser";
import { getSettings } from "../../lib/connection";

const SCRIPT_ID = "tierlens-generic";

/** Registers `content-scripts/generic.js` for exactly the enabled origins that still have permission. */
export async function syncGenericScripts(): Promise<void> {
  const { sites } = await getSettings();
  const granted: string[] = [];
  for (const origin of sites) {
    const pattern = `${origin}/*`;
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: ["content-scripts/generic.js"],
      matches: granted,
      runAt: "document_idle",
      persistAcrossSessions: true,
    },
  ]);
}
