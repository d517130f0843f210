// Content script for the qq webmail family: runs its host adapter (chips only; the card loads lazily).
import { defineContentScript } from "wxt/utils/define-content-script";
import { runHost } from "../../content/run";
import { QQ_MATCHES } from "../../hosts/matches";
import { qqAdapter } from "../../hosts/qq/adapter";

export default defineContentScript({
  matches: QQ_MATCHES,
  runAt: "document_idle",
  // Classic QQ / Exmail render the list and the reader in the same-origin `mainFrame` iframe.
  allFrames: true,
  matchAboutBlank: true,
  main() {
    if (qqAdapter.matches(new URL(location.href))) runHost(qqAdapter);
  },
});
