/** @jsxImportSource preact */
// The popup's follow-ups due: most overdue first with how late each is, one click logs a follow-up call for that
// customer (once), and loading, empty, failure and both languages read as a rep expects. Above them, the emails
// waiting for the rep's reply, each logged as a reply in one click.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { translator } from "../../extension/lib/i18n";
import type { Message, Replies } from "../../extension/lib/messages";
import { DueFollowUps } from "../../extension/ui/popup/DueFollowUps";
import type { CustomerListItem } from "../../shared/contract";
import { freshRoot, unmount } from "./preact-root";

const item = (
  id: string,
  name: string,
  tier: string,
  nextFollowUp: string,
  replyBy: string | null = null,
): CustomerListItem => ({
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
  replyBy,
});

const DUE: Replies["due"] = {
  items: [
    item("c1", "Blue Harbor <b>Retail</b>", "A", "2026-11-21"),
    item("c2", "华为", "B", "2026-12-02"),
    item("c3", "Today Ltd", "C", "2026-12-03"),
  ],
  today: "2026-12-03",
  more: false,
  replies: [],
  repliesMore: false,
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

/** A double click, both clicks before the first log is answered. */
async function clickTwice(button: HTMLButtonElement) {
  await act(async () => {
    button.click();
    button.click();
    await settle();
  });
}

async function open(locale: "en" | "zh-CN" = "en") {
  const onLogged = vi.fn();
  await act(async () => {
    render(
      <DueFollowUps serverUrl="https://crm.example.com" t={translator(locale)} locale={locale} onLogged={onLogged} />,
      root,
    );
  });
  // The effect asks the background once act has flushed it; its answer lands a task later.
  await act(async () => {
    await settle();
  });
  const rows = [...root.querySelectorAll<HTMLElement>("[data-testid=due]")];
  const replies = [...root.querySelectorAll<HTMLElement>("[data-testid=reply]")];
  return { rows, replies, onLogged };
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
  expect(button.getAttribute("aria-label")).toBe("Log a follow-up call with 华为");
  await clickTwice(button);
  const logs = sent.filter((m) => m.type === "log");
  expect(logs).toEqual([
    { type: "log", item: { customerId: "c2", kind: "call", direction: "out", summary: "Follow-up call" } },
  ]);
  expect(rows[1]?.querySelector("[role=status]")?.textContent).toBe("Logged");
  expect(rows[1]?.textContent).not.toContain("overdue"); // the deadline is moot once logged
  // Only the undo is left on the row, named for screen readers by what it undoes.
  expect([...(rows[1]?.querySelectorAll("button") ?? [])].map((b) => b.textContent)).toEqual(["Undo"]);
  expect(rows[1]?.querySelector("button")?.getAttribute("aria-label")).toBe("Undo: Log a follow-up call with 华为");
  expect(rows[0]?.querySelector("button")?.textContent).toBe("Log call");
  expect(onLogged).toHaveBeenCalledTimes(1);
});

it("undoes a one-click log once, however fast the clicks, and offers the action again", async () => {
  const { rows, onLogged } = await open();
  await clickTwice(rows[1]?.querySelector("button") as HTMLButtonElement);
  answer = (m) => (m.type === "undo" ? { ok: true } : null);
  await clickTwice(rows[1]?.querySelector("button") as HTMLButtonElement);
  expect(sent.filter((m) => m.type === "undo")).toEqual([{ type: "undo", id: "queued-1" }]);
  expect(rows[1]?.querySelector("button")?.textContent).toBe("Log call");
  expect(document.activeElement).toBe(rows[1]?.querySelector("button")); // the keyboard is where it was
  expect(rows[1]?.querySelector("[role=status]")?.textContent).toBe("Undone");
  expect(onLogged).toHaveBeenCalledTimes(2); // the popup counts its queue again
  // And it can be logged again, as a new log.
  answer = () => ({ id: "queued-2" });
  await clickTwice(rows[1]?.querySelector("button") as HTMLButtonElement);
  expect(sent.filter((m) => m.type === "log")).toHaveLength(2);
  expect(rows[1]?.querySelector("button")?.textContent).toBe("Undo");
});

it("keeps the undo and says so when it could not be undone", async () => {
  const { rows } = await open("zh-CN");
  await clickTwice(rows[0]?.querySelector("button") as HTMLButtonElement);
  answer = () => null;
  await act(async () => {
    rows[0]?.querySelector("button")?.click();
    await settle();
  });
  expect(rows[0]?.querySelector("[role=alert]")?.textContent).toBe("未能撤销，请重试。");
  expect(rows[0]?.querySelector("button")?.textContent).toBe("撤销");
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
    resolve({ items: [], today: "2026-12-03", more: false, replies: [], repliesMore: false });
    await settle();
  });
  expect(root.textContent).toContain("No follow-up due today.");
  render(null, root);
  answer = () => ({ items: [], today: "2026-12-03", more: false, error: "HTTP 500", replies: [], repliesMore: false });
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

describe("emails waiting for my reply", () => {
  const late = new Date(Date.now() - 3_600_000).toISOString();
  const soon = new Date(Date.now() + 3_600_000).toISOString();
  const WAITING: Replies["due"] = {
    ...DUE,
    replies: [item("r1", "Late <i>Reply</i> Co", "A", "2026-12-09", late), item("r2", "北辰", "B", "2026-12-09", soon)],
    repliesMore: true,
  };

  it("lists them above the follow-ups in the server's order, each with its deadline, a passed one marked", async () => {
    answer = (m) => (m.type === "due" ? WAITING : { id: "queued-1" });
    let { replies } = await open();
    const headings = [...root.querySelectorAll("h2")].map((h) => h.textContent);
    expect(headings).toEqual(["Emails waiting for your reply", "Follow-ups due"]);
    render(null, root);
    // With the counts the background made (as on the badge): how many each list holds, "+" beyond what it counted.
    answer = (m) =>
      m.type === "due" ? { ...WAITING, counted: { due: 3, dueMore: false, replies: 99, repliesMore: true } } : null;
    await open();
    expect([...root.querySelectorAll("h2")].map((h) => h.textContent)).toEqual([
      "Emails waiting for your reply 99+",
      "Follow-ups due 3",
    ]);
    expect(root.querySelector("[data-testid=reply-count]")?.textContent).toBe("99+");
    render(null, root);
    answer = (m) =>
      m.type === "due" ? { ...WAITING, counted: { due: 0, dueMore: false, replies: 2, repliesMore: false } } : null;
    await open();
    expect(root.querySelector("[data-testid=due-count]"), "no count for an empty list").toBeNull();
    render(null, root);
    answer = (m) => (m.type === "due" ? WAITING : { id: "queued-1" });
    ({ replies } = await open());
    expect(replies.map((r) => r.querySelector("a")?.textContent)).toEqual(["Late <i>Reply</i> Co", "北辰"]);
    expect(root.querySelector("i")).toBeNull();
    expect(replies[0]?.querySelector(".late")?.textContent).toMatch(/^Reply was due \w/);
    expect(replies[1]?.querySelector(".late")).toBeNull();
    // An hour either way: today's deadlines say the time alone (unless the hour crosses midnight, then the weekday).
    expect(replies[1]?.querySelector(".muted")?.textContent).toMatch(/^Reply by (\w{3} )?\d\d:\d\d( [AP]M)?$/);
    const all = replies[0]?.closest("section")?.querySelector<HTMLAnchorElement>("p > a");
    expect(all?.href).toBe("https://crm.example.com/admin/customers?replyDue=true&owner=me");
    expect(all?.textContent).toBe("All of them in Tierlens");
  });

  it("logs an outgoing email for that customer in one click, once, which answers it", async () => {
    answer = (m) => (m.type === "due" ? WAITING : { id: "queued-1" });
    const { replies, onLogged } = await open();
    const button = replies[1]?.querySelector("button") as HTMLButtonElement;
    expect(button.textContent).toBe("Log reply");
    expect(button.getAttribute("aria-label")).toBe("Log your reply to 北辰");
    await clickTwice(button);
    expect(sent.filter((m) => m.type === "log")).toEqual([
      { type: "log", item: { customerId: "r2", kind: "email", direction: "out", summary: "Replied to their email" } },
    ]);
    expect(replies[1]?.querySelector("[role=status]")?.textContent).toBe("Logged");
    expect(onLogged).toHaveBeenCalledTimes(1);
  });

  it("says a deadline later this week by its weekday, and one further off by its date", async () => {
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    answer = (m) =>
      m.type === "due"
        ? {
            ...DUE,
            replies: [item("w", "Week", "A", "2026-12-09", at(3)), item("m", "Month", "A", "2026-12-09", at(20))],
          }
        : { id: "q" };
    const { replies } = await open();
    const texts = replies.map((r) => r.querySelector(".muted")?.textContent);
    expect(texts[0]).toMatch(/^Reply by (Mon|Tue|Wed|Thu|Fri|Sat|Sun),? \d\d:\d\d/);
    expect(texts[1]).toMatch(/^Reply by [A-Z][a-z]{2} \d{1,2},? \d\d:\d\d/);
  });

  it("is not shown when no email is waiting, and speaks Chinese", async () => {
    await open();
    expect(root.textContent).not.toContain("Emails waiting");
    render(null, root);
    answer = (m) => (m.type === "due" ? WAITING : { id: "q" });
    const zh = await open("zh-CN");
    expect(root.querySelector("h2")?.textContent).toBe("等待您回复的邮件");
    expect(zh.replies[0]?.querySelector(".late")?.textContent).toMatch(/^回复已超时：/);
    expect(zh.replies[0]?.querySelector("button")?.textContent).toBe("记录回复");
  });
});
