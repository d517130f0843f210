// The Outlook on the web adapter against the saved conversation + list fixture (HOSTS.md §2).
import { describe, expect, it } from "vitest";
import { outlookAdapter } from "../../extension/hosts/outlook/adapter";
import { loadFixture, local } from "./fixtures";

describe("outlook adapter", () => {
  const doc = loadFixture("outlook/conversation-and-list.html");
  const anchors = outlookAdapter.findSenders(doc);

  it("reads 'Name <addr>' from each message card and its time", () => {
    const [ana] = anchors.filter((a) => a.context === "reading");
    expect(ana).toMatchObject({
      email: "ana.lopes@example.org",
      name: "Ana Lopes",
      receivedAt: local(2026, 3, 2, 16, 10),
    });
    expect((ana!.after as Element).tagName).toBe("BUTTON");
  });

  it("keeps a same-organisation sender with its name only, to resolve from learned names", () => {
    const bo = anchors.filter((a) => a.context === "reading")[1];
    expect(bo).toMatchObject({ name: "Bo Chen", receivedAt: local(2026, 3, 3, 9, 41) });
    expect(bo!.email).toBeUndefined();
  });

  it("takes list senders from the span whose title is the address", () => {
    const list = anchors.filter((a) => a.context === "list");
    expect(list.map((a) => [a.email, a.name])).toEqual([
      ["bo.chen@example.com", "Bo Chen"],
      ["noreply@shop.example.com", "Example Shop"],
      ["dana.idris@corp.example", "Dana Idris"],
    ]);
    expect(list[0]!.receivedAt).toBe(local(2026, 3, 3, 9, 41));
  });

  it("matches every Outlook web host, including outlook.cloud.microsoft and 21Vianet", () => {
    for (const host of [
      "outlook.office.com",
      "outlook.office365.com",
      "outlook.live.com",
      "outlook.cloud.microsoft",
      "partner.outlook.cn",
    ]) {
      expect(outlookAdapter.matches(new URL(`https://${host}/mail/`)), host).toBe(true);
    }
    expect(outlookAdapter.matches(new URL("https://outlook.example.com/mail/"))).toBe(false);
  });

  it("watches the reading pane and the list box, not the body", () => {
    expect(outlookAdapter.observeRoots(doc).map((e) => e.id || e.getAttribute("role"))).toEqual([
      "ReadingPaneContainerId",
      "listbox",
    ]);
  });

  it("reads the Chinese UI's 发件人 label when the MSG_ ids are gone", () => {
    const zh = loadFixture("outlook/conversation-and-list.html");
    for (const el of zh.querySelectorAll('[id^="MSG_"]')) el.removeAttribute("id");
    for (const el of zh.querySelectorAll('[aria-label^="From:"]'))
      el.setAttribute("aria-label", el.getAttribute("aria-label")!.replace("From:", "发件人:"));
    const reading = outlookAdapter.findSenders(zh).filter((a) => a.context === "reading");
    expect(reading.map((a) => a.email ?? a.name)).toEqual(["ana.lopes@example.org", "Bo Chen"]);
  });
});
