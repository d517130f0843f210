/** @jsxImportSource preact */
// The popup's follow-ups due: most overdue first with how late each is, one click logs a follow-up call for that
// customer (once), and loading, empty, failure and both languages read as a rep expects.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { translator } from "../../extension/lib/i18n";
import type { Message, Replies } from "../../extension/lib/messages";
import { DueFollowUps } from "../../extension/ui/popup/DueFollowUps";
import type { CustomerListItem } from "../../shared/contract";
import { freshRoot, unmount } from "./preact-root";

const item = (id: string, name: string, tier: string, nextFollowUp: string): CustomerListItem => ({
  id,
  name,
  kind: "enterprise",
  industry: null,
  region: null,
  ownerId: "u1",
  ownerName: "Rep",
  tier,
  score: 50,
  keyAccount: false,
  negativeValue: false,
  credit: "good",
  overdueAmount: 0,
  churn: "none",
  segment: null,
  valueClass: "ordinary",
  nextFollowUp,
  replyBy: null,
});

const DUE: Replies["due"] = {
  items: [
    item("c1", "Blue Harbor <b>Retail</b>", "A", "2026-11-21"),
    item("c2", "华为", "B", "2026-12-02"),
    item("c3", "Today Ltd", "C", "2026-12-03"),
  ],
  today: "2026-12-03",
  more: false,
};

let root: HTMLElement;
let sent: Message[];
let answer: (m: Message) => unknown;

beforeEach(() => {
  root = freshRoot();
  sent = [];
  answer = (m) => (m.type === "due" ? DUE : { id: "queued-1" });
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation((async (m: Message) => {
    sent.push(m);
    return answer(m);
  }) as never);
});

afterEach(() => unmount(root));

const settle = () => new Promise((r) => setTimeout(r, 0));

async function open(locale: "en" | "zh-CN" = "en") {
  const onLogged = vi.fn();
  await act(async () => {
    render(<DueFollowUps serverUrl="https://crm.example.com" t={translator(locale)} onLogged={onLogged} />, root);
  });
  // The effect asks the background once act has flushed it; its answer lands a task later.
  await act(async () => {
    await settle();
  });
  const rows = [...root.querySelectorAll<HTMLElement>("[data-testid=due]")];
  return { rows, onLogged };
}

it("lists the follow-ups most overdue first, saying how late each is, names as text", async () => {
  const { rows } = await open();
  expect(rows.map((r) => r.querySelector("a")?.textContent)).toEqual([
    "Blue Harbor <b>Retail</b>",
    "华为",
    "Today Ltd",
  ]);
  expect(root.querySelector("b")).toBeNull();
  expect(rows.map((r) => r.querySelector(".tier")?.textContent)).toEqual(["A", "B", "C"]);
  expect(rows.map((r) => r.querySelector(".late, .muted")?.textContent)).toEqual([
    "12 days overdue",
    "1 day overdue",
    "due today",
  ]);
  expect(rows[0]?.querySelector("a")?.getAttribute("href")).toBe("https://crm.example.com/admin/customers/c1");
  expect(root.querySelector<HTMLAnchorElement>("p > a")?.href).toBe(
    "https://crm.example.com/admin/customers?followUp=due&owner=me",
  );
});

it("logs a follow-up call for that customer in one click, once, and says so", async () => {
  const { rows, onLogged } = await open();
  const button = rows[1]?.querySelector("button") as HTMLButtonElement;
  expect(button.textContent).toBe("Log call");
  await act(async () => {
    button.click();
    button.click();
    await settle();
  });
  const logs = sent.filter((m) => m.type === "log");
  expect(logs).toEqual([
    { type: "log", item: { customerId: "c2", kind: "call", direction: "out", summary: "Follow-up call" } },
  ]);
  expect(rows[1]?.querySelector("[role=status]")?.textContent).toBe("Logged");
  expect(rows[1]?.querySelector("button")).toBeNull();
  expect(rows[0]?.querySelector("button")).not.toBeNull();
  expect(onLogged).toHaveBeenCalledTimes(1);
});

it("keeps the button and says so when the log could not be queued", async () => {
  answer = (m) => (m.type === "due" ? DUE : null);
  const { rows, onLogged } = await open();
  await act(async () => {
    rows[0]?.querySelector("button")?.click();
    await settle();
  });
  expect(rows[0]?.querySelector("[role=alert]")?.textContent).toBe("Could not queue it. Try again.");
  expect(rows[0]?.querySelector("button")).not.toBeNull();
  expect(onLogged).not.toHaveBeenCalled();
});

it("shows loading, then nothing due or a failure, and speaks Chinese", async () => {
  let resolve: (v: unknown) => void = () => {};
  answer = () => new Promise((r) => (resolve = r));
  await open();
  expect(root.querySelector("[role=status]")?.textContent).toBe("Loading your follow-ups…");
  await act(async () => {
    resolve({ items: [], today: "2026-12-03", more: false });
    await settle();
  });
  expect(root.textContent).toContain("No follow-up due today.");
  render(null, root);
  answer = () => ({ items: [], today: "2026-12-03", more: false, error: "HTTP 500" });
  await open();
  expect(root.textContent).toContain("Could not load your follow-ups.");
  render(null, root);
  answer = (m) => (m.type === "due" ? { ...DUE, more: true } : { id: "q" });
  const zh = await open("zh-CN");
  expect(zh.rows.map((r) => r.querySelector(".late, .muted")?.textContent)).toEqual([
    "已逾期 12 天",
    "已逾期 1 天",
    "今天到期",
  ]);
  expect(root.textContent).toContain("在 Tierlens 中查看全部");
});
