// The content-script runner on fixtures: one lookup per scan, chips after senders, re-render on mutation, names learned,
// a failing adapter logged once and contained.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { runHost } from "../../extension/content/run";
import { gmailAdapter } from "../../extension/hosts/gmail/adapter";
import { neteaseAdapter } from "../../extension/hosts/netease/adapter";
import type { HostAdapter } from "../../extension/hosts/types";
import type { LookupReply } from "../../extension/lib/messages";
import { loadFixture } from "./fixtures";
import { customerResult, unknownResult } from "./results";

const KNOWN = new Set(["ana.lopes@example.org", "bo.chen@example.com"]);
const fakeLookup = () =>
  vi.fn(
    async (emails: string[]): Promise<LookupReply> => ({
      connected: true,
      locale: "en",
      results: emails.map((e) => (KNOWN.has(e) ? customerResult({ name: e }, e) : unknownResult(e))),
    }),
  );
const settle = () => new Promise((r) => setTimeout(r, 120));
const chips = (doc: Document) =>
  [...doc.querySelectorAll("[data-tierlens-chip]")].map((c) => c.getAttribute("data-tierlens-chip"));

/** Moves a parsed fixture into the live happy-dom document so observers and timers run. */
function mount(path: string): Document {
  const fixture = loadFixture(path);
  document.body.replaceChildren(...[...fixture.body.childNodes].map((n) => document.importNode(n, true)));
  return document;
}

beforeEach(() => fakeBrowser.reset());

describe("runHost", () => {
  it("looks every sender of the page up in one request and places chips right after them", async () => {
    const doc = mount("gmail/thread-and-list.html");
    const lookup = fakeLookup();
    const run = runHost(gmailAdapter, doc, { lookup });
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]![0].sort()).toEqual([
      "ana.lopes@example.org",
      "bo.chen@example.com",
      "me@example.net",
      "noreply@shop.example.com",
    ]);
    // reading: Ana + Bo; list: Ana + Bo (unknown list senders get no chip)
    expect(chips(doc).sort()).toEqual([
      "ana.lopes@example.org",
      "ana.lopes@example.org",
      "bo.chen@example.com",
      "bo.chen@example.com",
    ]);
    expect(doc.querySelector("span.gD")!.nextElementSibling!.getAttribute("data-tierlens-chip")).toBe(
      "ana.lopes@example.org",
    );
    run.stop();
  });

  it("chips a message that appears later, asking only about its new sender", async () => {
    const doc = mount("gmail/thread-and-list.html");
    const lookup = fakeLookup();
    const run = runHost(gmailAdapter, doc, { lookup });
    await settle();
    const list = doc.querySelector("div[role=list]")!;
    const copy = list.firstElementChild!.cloneNode(true) as Element;
    for (const chip of copy.querySelectorAll("[data-tierlens-chip]")) chip.remove();
    copy.querySelector("span.gD")!.setAttribute("email", "cy@example.net");
    list.append(copy);
    await settle();
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(lookup.mock.calls[1]![0]).toEqual(["cy@example.net"]); // the others are answered from the page's memo
    expect(copy.querySelector("[data-tierlens-chip]")!.getAttribute("data-tierlens-chip")).toBe("cy@example.net");
    expect(chips(doc)).toHaveLength(5);
    run.stop();
  });

  it("resolves names-only list rows from the names learned in open messages (163)", async () => {
    const doc = mount("netease/list-and-read.html");
    const run = runHost(neteaseAdapter, doc, { lookup: fakeLookup() });
    await settle();
    const rows = [...doc.querySelectorAll("[sign=letter]")].map((r) =>
      r.querySelector("[data-tierlens-chip]")?.getAttribute("data-tierlens-chip"),
    );
    expect(rows).toEqual(["ana.lopes@example.org", "bo.chen@example.com", undefined]);
    run.stop();
  });

  it("re-attaches after an in-app navigation swaps the view container (hashchange)", async () => {
    const doc = mount("gmail/thread-and-list.html");
    const lookup = fakeLookup();
    const run = runHost(gmailAdapter, doc, { lookup });
    await settle();
    const fresh = loadFixture("gmail/thread-and-list.html").querySelector("div.aeF")!;
    doc.querySelector("div.aeF")!.replaceWith(doc.importNode(fresh, true));
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await settle();
    expect(chips(doc)).toHaveLength(4);
    expect(lookup).toHaveBeenCalledTimes(1); // the page's memo answered the re-render
    const late = doc.querySelector("div[role=listitem]")!.cloneNode(true) as Element;
    for (const chip of late.querySelectorAll("[data-tierlens-chip]")) chip.remove();
    late.querySelector("span.gD")!.setAttribute("email", "dee@example.net");
    doc.querySelector("div[role=list]")!.append(late); // a message arriving in the new container is seen
    await settle();
    expect(chips(doc)).toContain("dee@example.net");
    run.stop();
  });

  it("places nothing while not connected", async () => {
    const doc = mount("gmail/thread-and-list.html");
    const run = runHost(gmailAdapter, doc, { lookup: async () => ({ connected: false, locale: "en", results: [] }) });
    await settle();
    expect(chips(doc)).toEqual([]);
    run.stop();
  });

  it("logs a failing adapter once, stops it, and leaves the page alone", async () => {
    const doc = mount("gmail/thread-and-list.html");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const broken: HostAdapter = {
      ...gmailAdapter,
      findSenders: () => {
        throw new Error("markup changed");
      },
    };
    const run = runHost(broken, doc, { lookup: fakeLookup() });
    await settle();
    run.rescan();
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(run.failed).toBe(true);
    expect(chips(doc)).toEqual([]);
    warn.mockRestore();
    run.stop();
  });
});
