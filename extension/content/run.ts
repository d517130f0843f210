// Runs one host adapter in a document: watches its containers, looks senders up in one message, places chips.
import type { LookupResult } from "../../shared/contract/lookup";
import { CHIP_ATTR } from "../hosts/generic/adapter";
import type { HostAdapter, SenderAnchor } from "../hosts/types";
import { type Translate, translator } from "../lib/i18n";
import type { LookupReply } from "../lib/messages";
import { hoverCard, openCard } from "./card-frame";
import { createChip } from "./chip";
import { LearnedNames } from "./names";
import { sendToBackground } from "./send";

export interface RunOptions {
  /** Generic pages scan only what was added; webmails rescan their narrow containers. */
  incremental?: boolean;
  lookup?: (emails: string[]) => Promise<LookupReply | null>;
}

export function runHost(adapter: HostAdapter, doc: Document = document, options: RunOptions = {}) {
  const lookup = options.lookup ?? ((emails) => sendToBackground<LookupReply>({ type: "lookup", emails }));
  const names = new LearnedNames(`names:${adapter.id}`);
  let failed = false;
  let stopped = false;
  let roots: Element[] = [];
  let href = doc.location?.href ?? "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  const added = new Set<Node>();
  let t: Translate = translator("en");
  /** Answers already seen on this page (60 s): re-renders place chips at once and ask nothing again. */
  const answered = new Map<string, { result: LookupResult; at: number }>();
  const known = (email: string) => {
    const hit = answered.get(email);
    return hit && Date.now() - hit.at < 60_000 ? hit.result : null;
  };

  /** A host's failure is logged once and stops only this adapter. */
  const guard = <T>(fn: () => T, fallback: T): T => {
    if (failed || stopped) return fallback;
    try {
      return fn();
    } catch (error) {
      failed = true;
      observer.disconnect();
      console.warn(`[Tierlens] ${adapter.id} adapter stopped:`, error);
      return fallback;
    }
  };

  const chipAfter = (a: SenderAnchor) => {
    const next = a.after.nextSibling;
    return next instanceof HTMLElement && next.hasAttribute(CHIP_ATTR) ? next : null;
  };

  function place(anchor: SenderAnchor & { email: string }, result: LookupResult) {
    const existing = chipAfter(anchor);
    if (existing?.getAttribute(CHIP_ATTR) === anchor.email) return;
    if (!result.customer && anchor.context === "list") return existing?.remove(); // unknown list rows stay quiet
    const chip = createChip(doc, anchor.email, {
      result,
      t,
      onOpen: (host, focus) => openCard(host, { ...anchor, name: anchor.name }, focus),
      onHover: (host, inside) => {
        hoverCard(inside);
        if (inside) setTimeout(() => host.matches(":hover") && openCard(host, anchor, false), 350);
      },
    });
    if (existing) existing.replaceWith(chip);
    else anchor.after.parentNode?.insertBefore(chip, anchor.after.nextSibling);
  }

  async function scan(targets: ParentNode[]) {
    const anchors = guard(() => targets.flatMap((r) => adapter.findSenders(r)), []);
    const resolved: (SenderAnchor & { email: string })[] = [];
    for (const a of anchors) {
      if (a.email && a.context === "reading") names.learn(a.name, a.email);
      const email = a.email ?? names.get(a.name);
      if (email && chipAfter(a)?.getAttribute(CHIP_ATTR) !== email) resolved.push({ ...a, email });
    }
    if (resolved.length === 0) return;
    const missing = [...new Set(resolved.map((a) => a.email))].filter((e) => !known(e));
    if (missing.length > 0) {
      const reply = await lookup(missing);
      if (!reply?.connected) return;
      t = translator(reply.locale);
      for (const r of reply.results) answered.set(r.email, { result: r, at: Date.now() });
    }
    guard(() => {
      for (const a of resolved) {
        const result = known(a.email);
        if (result && a.after.isConnected) place(a, result);
      }
    }, undefined);
  }

  function flush() {
    timer = null;
    if (href !== doc.location?.href || roots.length === 0 || roots.some((r) => !r.isConnected)) attach();
    if (options.incremental) {
      const nodes = [...added].filter((n) => n.isConnected);
      added.clear();
      void scan(nodes.filter((n) => !nodes.some((o) => o !== n && o.contains(n))) as ParentNode[]);
    } else void scan(roots.length > 0 ? roots : [doc]);
  }

  // 20 ms gathers a render burst; batching across frames and tabs happens in the background (50 ms).
  const schedule = (delay = 20) => {
    if (timer === null) timer = setTimeout(flush, delay);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n instanceof Element && n.hasAttribute(CHIP_ATTR)) continue; // our own chips do not retrigger
        if (options.incremental) added.add(n.nodeType === Node.TEXT_NODE ? (n.parentNode ?? n) : n);
        schedule();
      }
      if (r.type === "attributes" || r.type === "characterData") schedule();
    }
  });

  function attach() {
    href = doc.location?.href ?? "";
    const next = guard(() => adapter.observeRoots(doc), []);
    observer.disconnect();
    for (const root of next) observer.observe(root, { childList: true, subtree: true });
    roots = next;
  }

  void names.load().then(() => {
    attach();
    if (options.incremental) added.add(doc.body ?? doc.documentElement);
    flush();
  });
  // In-app navigation: hash routes (Gmail, QQ, 163) and pushState (Outlook, polled: no page-world patching).
  doc.defaultView?.addEventListener("hashchange", () => schedule(0));
  doc.defaultView?.addEventListener("popstate", () => schedule(0));
  const poll = setInterval(() => {
    if (href !== doc.location?.href) return schedule(0);
    if (roots.length > 0 && roots.every((r) => r.isConnected)) return;
    const before = roots.length;
    attach(); // the app may render its containers late, or swap them on a view change
    if (roots.length > 0 || before > 0) schedule(0);
  }, 1000);
  return {
    rescan: () => schedule(0),
    stop: () => {
      stopped = true; // pending scans find nothing to do
      observer.disconnect();
      clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
    },
    get failed() {
      return failed;
    },
  };
}
