// The generic adapter: mailto links and visible addresses, never scripts, inputs, code, editors or our own chips.
import { describe, expect, it } from "vitest";
import { CHIP_ATTR, genericAdapter } from "../../extension/hosts/generic/adapter";
import { loadFixture } from "./fixtures";

describe("generic adapter", () => {
  it("finds mailto links and addresses in visible text, normalised", () => {
    const anchors = genericAdapter.findSenders(loadFixture("generic/page.html"));
    expect(anchors.map((a) => a.email)).toEqual([
      "ana.lopes@example.org",
      "bo.chen@example.com",
      "dana.idris@corp.example",
    ]);
    expect(anchors.every((a) => a.context === "page")).toBe(true);
  });

  it("puts the chip after the text node, leaving the page's text untouched", () => {
    const doc = loadFixture("generic/page.html");
    const bo = genericAdapter.findSenders(doc)[1]!;
    expect(bo.after.nodeType).toBe(Node.TEXT_NODE);
    expect(bo.after.textContent).toBe("Write to bo.chen@example.com or call.");
  });

  it("skips its own chips and scans only an added subtree", () => {
    const doc = loadFixture("generic/page.html");
    const chip = doc.createElement("span");
    chip.setAttribute(CHIP_ATTR, "x@example.com");
    chip.textContent = "x@example.com";
    doc.body.append(chip);
    const added = doc.createElement("p");
    added.textContent = "new: eve@example.net";
    doc.body.append(added);
    expect(genericAdapter.findSenders(added).map((a) => a.email)).toEqual(["eve@example.net"]);
    expect(genericAdapter.findSenders(doc).map((a) => a.email)).not.toContain("x@example.com");
  });
});
