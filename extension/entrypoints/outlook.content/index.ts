// Content script for the outlook webmail family: runs its host adapter (chips only; the card loads lazily).
import { defineContentScript } from "wxt/utils/define-content-script";
import { runHost } from "../../content/run";
import { OUTLOOK_MATCHES } from "../../hosts/matches";
import { outlookAdapter } from "../../hosts/outlook/adapter";

export default defineContentScript({
  matches: OUTLOOK_MATCHES,
  runAt: "document_idle",
  main() {
    if (outlookAdapter.matches(new URL(location.href))) runHost(outlookAdapter);
  },
});
