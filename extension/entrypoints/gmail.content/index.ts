// Content script for the gmail webmail family: runs its host adapter (chips only; the card loads lazily).
import { defineContentScript } from "wxt/utils/define-content-script";
import { runHost } from "../../content/run";
import { gmailAdapter } from "../../hosts/gmail/adapter";
import { GMAIL_MATCHES } from "../../hosts/matches";

export default defineContentScript({
  matches: GMAIL_MATCHES,
  runAt: "document_idle",
  main() {
    if (gmailAdapter.matches(new URL(location.href))) runHost(gmailAdapter);
  },
});
