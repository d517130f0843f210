/** @jsxImportSource preact */
// The card's next steps are the engine's suggestion titles (MessageRefs) rendered with the engine's catalogue:
// amounts in the workspace currency, days, dates and stage names, in English and Chinese; the one-click log uses them.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { translator } from "../../extension/lib/i18n";
import { NextSteps, stepLabel } from "../../extension/ui/card/NextSteps";
import type { Suggestion } from "../../shared/contract";
import { freshRoot, unmount } from "./preact-root";

const collect: Suggestion = {
  code: "collect-overdue",
  priority: 1,
  due: "2026-03-02",
  title: { key: "suggest.collect-overdue", params: { amount: 120_000, days: 20 } },
  facts: { overdueAmount: 120_000, oldestOverdueDays: 20 },
};

let root: HTMLElement;

beforeEach(() => {
  root = freshRoot();
});

afterEach(() => unmount(root));

async function show(locale: "en" | "zh-CN", suggestions: Suggestion[], currency = "CNY") {
  await act(() => {
    render(
      <NextSteps
        customerId="c1"
        suggestions={suggestions}
        locale={locale}
        currency={currency}
        t={translator(locale)}
      />,
      root,
    );
  });
  return [...root.querySelectorAll("li")];
}

describe("next steps in the card", () => {
  it("collect-overdue: the amount and days of the engine's title, in English", async () => {
    const [row] = await show("en", [collect]);
    expect(row!.querySelector("span")!.textContent).toBe("Collect CN¥1,200.00 overdue for 20 days · Mar 2");
  });

  it("collect-overdue: the amount and days of the engine's title, in Chinese", async () => {
    const [row] = await show("zh-CN", [collect]);
    expect(row!.querySelector("span")!.textContent).toBe("催收逾期 20 天的 ¥1,200.00 · 3月2日");
  });

  it("money follows the workspace currency", () => {
    expect(stepLabel(collect, "en", "USD")).toBe("Collect $1,200.00 overdue for 20 days");
    expect(stepLabel(collect, "en", "JPY")).toBe("Collect ¥120,000 overdue for 20 days");
  });

  it("a date in the title reads as a date (and is not repeated after it); stage keys are translated", async () => {
    const followUp: Suggestion = {
      code: "follow-up-due",
      priority: 3,
      due: "2026-03-05",
      title: { key: "suggest.follow-up-due", params: { due: "2026-03-05" } },
      facts: {},
    };
    const advance: Suggestion = {
      code: "advance-opportunity",
      priority: 3,
      title: { key: "suggest.advance-opportunity", params: { days: 31, stage: "stage.proposal" } },
      facts: {},
    };
    const rows = await show("en", [followUp, advance]);
    expect(rows.map((r) => r.querySelector("span")!.textContent)).toEqual([
      "Follow up by Mar 5",
      "Stalled for 31 days: move the deal to Proposal",
    ]);
    expect(stepLabel(followUp, "zh-CN")).toBe("请在 3月5日 前跟进");
    const reply: Suggestion = {
      code: "reply-due",
      priority: 1,
      title: { key: "suggest.reply-due", params: { due: "2026-03-05T09:30:00.000Z" } },
      facts: {},
    };
    expect(stepLabel(reply, "en")).toMatch(/^Reply to the customer's email by Mar \d+, \d{2}:\d{2}( [AP]M)?$/);
    expect(stepLabel(advance, "zh-CN")).toBe("已停滞 31 天：推进到方案报价");
  });

  it("an unknown key falls back to English, then to the key itself (never throws, never HTML)", () => {
    const odd = { ...collect, title: { key: "suggest.<b>new</b>", params: {} } };
    expect(stepLabel(odd, "zh-CN")).toBe("suggest.<b>new</b>");
  });

  it("one-click log queues the step in the reader's words, as the rep's own (outgoing) touch", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, "sendMessage").mockResolvedValue({ id: "x" } as never);
    const [row] = await show("zh-CN", [collect]);
    const [log] = [...row!.querySelectorAll("button")];
    expect(log!.getAttribute("aria-describedby")).toBe(row!.querySelector("span")!.id);
    await act(async () => {
      log!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(send).toHaveBeenCalledWith({
      type: "log",
      // Outgoing: the rep called; a contact answers the email waiting, so "reply by" goes away.
      item: { customerId: "c1", kind: "call", direction: "out", summary: "跟进：催收逾期 20 天的 ¥1,200.00" },
    });
    expect(row!.querySelector("[role=status]")!.textContent).toBe("已记录");
  });

  it("a step's log can be undone: the step offers Log and Done again", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, "sendMessage").mockResolvedValue({ id: "log-1" } as never);
    const [row] = await show("en", [collect]);
    const click = async (label: string) =>
      act(async () => {
        [...row!.querySelectorAll("button")].find((b) => b.textContent === label)!.click();
        await new Promise((r) => setTimeout(r, 0));
      });
    await click("Done");
    expect([...row!.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["Undo"]);
    send.mockResolvedValue({ ok: true } as never);
    await click("Undo");
    expect(send).toHaveBeenLastCalledWith({ type: "undo", id: "log-1" });
    expect([...row!.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["Log", "Done"]);
    expect(document.activeElement?.textContent).toBe("Log");
    expect(row!.querySelector("[role=status]")!.textContent).toBe("Undone");
  });

  it("done is outgoing only for a reply: a note on another step leaves the email waiting", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, "sendMessage").mockResolvedValue({ id: "x" } as never);
    const reply: Suggestion = {
      code: "reply-due",
      priority: 1,
      title: { key: "suggest.reply-due", params: { due: "2026-03-05T09:30:00.000Z" } },
      facts: {},
    };
    const budget: Suggestion = {
      code: "qualify-budget",
      priority: 3,
      title: { key: "suggest.qualify-budget" },
      facts: {},
    };
    const rows = await show("en", [reply, budget]);
    const click = async (row: number, button: number) =>
      act(async () => {
        [...rows[row]!.querySelectorAll("button")][button]!.click();
        await new Promise((r) => setTimeout(r, 0));
      });
    await click(0, 1); // Done on the reply
    await click(1, 0); // Log on a step with no contact kind: a note
    const items = send.mock.calls.map(([m]) => (m as { item: { kind: string; direction?: string } }).item);
    expect(items.map((i) => [i.kind, i.direction])).toEqual([
      ["note", "out"],
      ["note", undefined],
    ]);
  });
});
