// Generic content script: registered at run time (scripting.registerContentScripts) only for sites the user enabled.
import { defineContentScript } from "wxt/utils/define-content-script";
import { runHost } from "../../content/run";
import { genericAdapter } from "../../hosts/generic/adapter";

export default defineContentScript({
  matches: ["https://example.invalid/*"], // placeholder, see GENERIC_PLACEHOLDER in wxt.config.ts
  registration: "runtime",
  main() {
    runHost(genericAdapter, document, { incremental: true });
  },
});
