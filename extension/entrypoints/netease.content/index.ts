// Content script for the netease webmail family: runs its host adapter (chips only; the card loads lazily).
import { defineContentScript } from "wxt/utils/define-content-script";
import { runHost } from "../../content/run";
import { NETEASE_MATCHES } from "../../hosts/matches";
import { neteaseAdapter } from "../../hosts/netease/adapter";

export default defineContentScript({
  matches: NETEASE_MATCHES,
  runAt: "document_idle",
  main() {
    if (neteaseAdapter.matches(new URL(location.href))) runHost(neteaseAdapter);
  },
});
