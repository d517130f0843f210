// The Gmail adapter against the saved thread + list fixture (HOSTS.md §1).
import { describe, expect, it } from "vitest";
import { gmailAdapter } from "../../extension/hosts/gmail/adapter";
import { loadFixture, local } from "./fixtures";

describe("gmail adapter", () => {
  it("finds the sender of every message in the open thread, with its time", () => {
    const doc = loadFixture("gmail/thread-and-list.html");
    const reading = gmailAdapter.findSenders(doc).filter((a) => a.context === "reading");
    expect(reading.map((a) => [a.email, a.name, a.receivedAt])).toEqual([
      ["ana.lopes@example.org", "Ana Lopes", local(2026, 3, 2, 16, 10)],
      ["bo.chen@example.com", "Bo Chen", local(2026, 3, 3, 9, 41)],
    ]);
    expect((reading[0]!.after as Element).matches("span.gD")).toBe(true);
  });

  it("finds every sender of the message list, also in multi-participant rows", () => {
    const list = gmailAdapter
      .findSenders(loadFixture("gmail/thread-and-list.html"))
      .filter((a) => a.context === "list");
    expect(list.map((a) => a.email)).toEqual([
      "ana.lopes@example.org",
      "noreply@shop.example.com",
      "me@example.net",
      "bo.chen@example.com",
    ]);
    expect(list[0]!.receivedAt).toBe(local(2026, 3, 3, 9, 41));
  });

  it("skips promotion ad rows", () => {
    const doc = loadFixture("gmail/thread-and-list.html");
    doc.querySelector("tr.zA")!.append(doc.createElement("td"));
    doc.querySelector("tr.zA td:last-child")!.className = "am0";
    expect(gmailAdapter.findSenders(doc).filter((a) => a.context === "list")).toHaveLength(3);
  });

  it("falls back to the older header selector when span.gD is renamed", () => {
    const doc = loadFixture("gmail/thread-and-list.html");
    for (const el of doc.querySelectorAll("span.gD")) el.className = "renamed";
    expect(gmailAdapter.findSenders(doc).filter((a) => a.context === "reading")).toHaveLength(2);
  });

  it("watches the main content container and matches only mail.google.com", () => {
    const doc = loadFixture("gmail/thread-and-list.html");
    expect(gmailAdapter.observeRoots(doc).map((e) => e.className)).toEqual(["aeF"]);
    expect(gmailAdapter.matches(new URL("https://mail.google.com/mail/u/0/#inbox"))).toBe(true);
    expect(gmailAdapter.matches(new URL("https://mail.google.com.evil.example/"))).toBe(false);
  });

  it("finds nothing on foreign markup instead of throwing", () => {
    expect(gmailAdapter.findSenders(new DOMParser().parseFromString("<p>hi</p>", "text/html"))).toEqual([]);
  });
});
