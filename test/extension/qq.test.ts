// The QQ Mail / Exmail adapter against the new-app fixture and the classic mainFrame documents (HOSTS.md §3).
import { describe, expect, it } from "vitest";
import { qqAdapter } from "../../extension/hosts/qq/adapter";
import { loadFixture, local } from "./fixtures";

describe("qq adapter, new app (wx.mail.qq.com)", () => {
  const anchors = qqAdapter.findSenders(loadFixture("qq/new-reader-and-list.html"));

  it("reads each message's sender address and time in the reader", () => {
    expect(anchors.filter((a) => a.context === "reading").map((a) => [a.email, a.name, a.receivedAt])).toEqual([
      ["ana.lopes@example.org", "Ana Lopes", local(2026, 3, 2, 16, 10)],
      ["bo.chen@example.com", "Bo Chen", local(2026, 3, 3, 9, 41)],
    ]);
  });

  it("gives list rows their display name only (the row has no address)", () => {
    const list = anchors.filter((a) => a.context === "list");
    expect(list.map((a) => [a.name, a.email])).toEqual([
      ["Bo Chen", undefined],
      ["Example Shop", undefined],
      ["Dana Idris", undefined],
    ]);
  });
});

describe("qq adapter, classic and Exmail frame documents", () => {
  it("reads the list's from-address and ms timestamp from the row checkbox", () => {
    const list = qqAdapter.findSenders(loadFixture("qq/classic-list.html"));
    expect(list.map((a) => [a.email, a.name, a.receivedAt, a.context])).toEqual([
      ["ana.lopes@example.org", "Ana Lopes", 1772500860000, "list"],
      ["bo.chen@example.com", "Bo Chen", 1772445720000, "list"],
    ]);
    expect((list[0]!.after as Element).getAttribute("e")).toBe("ana.lopes@example.org");
  });

  it("reads Exmail rows whose address sits in the sender cell's title", () => {
    const doc = loadFixture("qq/classic-list.html");
    for (const box of doc.querySelectorAll("input[name=mailid]")) box.removeAttribute("fa");
    for (const span of doc.querySelectorAll("td.tl span[e]")) {
      span.parentElement!.closest("td")!.setAttribute("title", span.getAttribute("e")!);
      span.removeAttribute("e");
    }
    expect(qqAdapter.findSenders(doc).map((a) => a.email)).toEqual(["ana.lopes@example.org", "bo.chen@example.com"]);
  });

  it("reads the sender after 发件人： in readmail, not the recipient", () => {
    const [sender, ...rest] = qqAdapter.findSenders(loadFixture("qq/classic-readmail.html"));
    expect(sender).toMatchObject({
      email: "ana.lopes@example.org",
      name: "Ana Lopes",
      receivedAt: local(2026, 3, 3, 9, 41),
    });
    expect(rest).toEqual([]);
  });

  it("finds nothing in the top frame_html document (the frame's own script does the work)", () => {
    const top = loadFixture("qq/classic-frame.html");
    expect(qqAdapter.findSenders(top)).toEqual([]);
    expect(qqAdapter.observeRoots(top)).toEqual([]);
  });

  it("matches QQ Mail, the new app and Exmail hosts", () => {
    for (const h of ["mail.qq.com", "wx.mail.qq.com", "exmail.qq.com", "en.exmail.qq.com"]) {
      expect(qqAdapter.matches(new URL(`https://${h}/`)), h).toBe(true);
    }
    expect(qqAdapter.matches(new URL("https://qq.com.example/"))).toBe(false);
  });
});
