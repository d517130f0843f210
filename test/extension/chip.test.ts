// The chip: text only (hostile names stay text), tier letter with colour and words, marks, keyboard access.
import { describe, expect, it, vi } from "vitest";
import { chipSummary, createChip } from "../../extension/content/chip";
import { translator } from "../../extension/lib/i18n";
import type { LookupResult } from "../../shared/contract/lookup";
import { customerResult } from "./results";

const make = (result: LookupResult, onOpen = vi.fn()) =>
  createChip(document, result.email, { result, t: translator("en"), onOpen, onHover: vi.fn() });

describe("chip", () => {
  it("shows the tier letter, key-account mark, credit dot and churn mark, and says them in words", () => {
    const host = make(customerResult());
    const chip = host.shadowRoot!.querySelector("[role=button]")!;
    expect(chip.querySelector(".t")!.textContent).toBe("A");
    expect(chip.querySelector(".t")!.className).toContain("tA");
    expect(chip.querySelector(".k")!.textContent).toBe("★");
    expect(chip.querySelector(".d")!.className).toContain("hold");
    expect(chip.querySelector(".churn-high")).not.toBeNull();
    expect(chip.getAttribute("aria-label")).toBe(
      "Tierlens: Example Org: Tier A, key account, credit hold, churn risk high. Press Enter for the card.",
    );
    expect(chip.getAttribute("tabindex")).toBe("0");
  });

  it("renders a hostile customer name as text and creates no element from it", () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const host = make(customerResult({ name: evil, tier: "<b>A</b>" }));
    document.body.append(host);
    expect(host.shadowRoot!.querySelectorAll("img, script, b")).toHaveLength(0);
    expect(document.querySelectorAll("img")).toHaveLength(0);
    expect(host.shadowRoot!.querySelector("[role=button]")!.getAttribute("title")).toContain(evil);
    expect(host.shadowRoot!.querySelector(".t")!.textContent).toBe("·"); // not a known tier
    host.remove();
  });

  it("is isolated from page styles: all:initial on the host, fixed height, inline", () => {
    const style = make(customerResult()).shadowRoot!.querySelector("style")!.textContent!;
    expect(style).toMatch(/:host\{all:initial;display:inline-block!important;vertical-align:middle;height:16px/);
    expect(style).toContain("prefers-color-scheme:dark");
  });

  it("opens the card with Enter (focused) and with a click, without the page seeing the events", () => {
    const onOpen = vi.fn();
    const host = make(customerResult(), onOpen);
    const pageHandler = vi.fn();
    document.body.addEventListener("click", pageHandler);
    document.body.addEventListener("keydown", pageHandler);
    document.body.append(host);
    const chip = host.shadowRoot!.querySelector<HTMLElement>("[role=button]")!;
    chip.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    chip.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
    expect(onOpen.mock.calls.map((c) => c[1])).toEqual([true, false]);
    expect(pageHandler).not.toHaveBeenCalled();
    host.remove();
  });

  it("offers 'add as prospect' for an unknown sender and says 'colleague' for a restricted one", () => {
    const t = translator("en");
    expect(chipSummary({ email: "x@example.com", match: null, customer: null }, t)).toBe(
      "Unknown sender: add as prospect",
    );
    expect(chipSummary({ email: "x@example.com", match: "restricted", customer: null }, t)).toBe(
      "Customer of a colleague",
    );
    expect(chipSummary(customerResult(), translator("zh-CN"))).toBe(
      "Example Org: A 级客户, 关键客户, 信用冻结, 流失风险高",
    );
  });
});
