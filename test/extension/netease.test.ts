// The NetEase (163 / 126 / yeah.net / qiye) adapter against the saved list + read-module fixture (HOSTS.md §4).
import { describe, expect, it } from "vitest";
import { neteaseAdapter } from "../../extension/hosts/netease/adapter";
import { loadFixture, local } from "./fixtures";

describe("netease adapter", () => {
  const doc = loadFixture("netease/list-and-read.html");
  const anchors = neteaseAdapter.findSenders(doc);

  it("reads the sender of every open read module (hidden tabs too) with its 时间", () => {
    expect(anchors.filter((a) => a.context === "reading").map((a) => [a.email, a.name, a.receivedAt])).toEqual([
      ["ana.lopes@example.org", "Ana Lopes", local(2026, 3, 2, 16, 10)],
      ["bo.chen@example.com", "Bo Chen", local(2026, 3, 3, 9, 41)],
    ]);
  });

  it("never takes a recipient for the sender", () => {
    const emails = anchors.filter((a) => a.context === "reading").map((a) => a.email);
    expect(emails).not.toContain("me@example.net");
  });

  it("gives list rows their display name and full date only", () => {
    expect(anchors.filter((a) => a.context === "list").map((a) => [a.name, a.email, a.receivedAt])).toEqual([
      ["Ana Lopes", undefined, local(2026, 3, 2, 16, 10)],
      ["Bo Chen", undefined, local(2026, 3, 3, 9, 41)],
      ["Example Shop", undefined, local(2026, 3, 1, 8, 15)],
    ]);
  });

  it("uses the address once the name's title is filled on hover", () => {
    const copy = loadFixture("netease/list-and-read.html");
    copy.querySelector(".nui-user")!.setAttribute("title", "ana.lopes@example.org");
    expect(neteaseAdapter.findSenders(copy).find((a) => a.context === "list")?.email).toBe("ana.lopes@example.org");
  });

  it("watches #dvContainer and matches 163, 126, yeah.net and qiye", () => {
    expect(neteaseAdapter.observeRoots(doc).map((e) => e.id)).toEqual(["dvContainer"]);
    for (const h of ["mail.163.com", "mail.126.com", "mail.yeah.net", "qiye.163.com", "mail.qiye.163.com"]) {
      expect(neteaseAdapter.matches(new URL(`https://${h}/js6/main.jsp`)), h).toBe(true);
    }
  });
});
