// The toolbar badge: touches waiting, a touch that failed, else the follow-ups due today, with a tooltip in the rep's
// language; the due count survives a stopped service worker and is recounted after a logged touch.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  BADGE_COLORS,
  badgeFor,
  localDay,
  resetBadgeForTests,
  showBadge,
} from "../../extension/entrypoints/background/badge";
import { DUE_LIMIT, refreshDueBadge } from "../../extension/entrypoints/background/follow-ups";
import { handle } from "../../extension/entrypoints/background/router";
import { outbox } from "../../extension/entrypoints/background/services";
import { translator } from "../../extension/lib/i18n";

const page = { id: "test-extension-id", url: "chrome-extension://test-extension-id/popup.html" };
const en = translator("en");
const today = "2026-12-03";
const due = (count: number, more = false, day = today) => ({ count, more, day });

/** A page of `n` customers as GET /customers answers it. */
function customers(n: number, more = false) {
  const item = (i: number) => ({
    ...{ id: `c${i}`, name: `Customer ${i}`, kind: "enterprise", industry: null, region: null },
    ...{ ownerId: "u1", ownerName: "Rep", tier: "A", score: 80, keyAccount: false, negativeValue: false },
    ...{ credit: "good", overdueAmount: 0, churn: "none", segment: null, valueClass: "ordinary" },
    nextFollowUp: "2026-12-01",
  });
  return { items: Array.from({ length: n }, (_, i) => item(i)), nextCursor: more ? "next" : null };
}

/** GET /customers as the server answers it: `due` for the follow-ups asked, `replies` for the emails waiting. */
const serve = (due: ReturnType<typeof customers>, replies = customers(0)) =>
  vi.fn(async (url: string) => Response.json(url.includes("replyDue=true") ? replies : due));

const shown = async () => ({
  text: await browser.action.getBadgeText({}),
  title: await browser.action.getTitle({}),
});

beforeEach(() => {
  fakeBrowser.reset();
  resetBadgeForTests();
});
afterEach(() => vi.unstubAllGlobals());

describe("what the badge shows", () => {
  it("puts touches waiting first, then a failed one, then the follow-ups due", () => {
    expect(badgeFor({ pending: 2, failed: 1, due: due(5) }, today, en)).toEqual({
      text: "2",
      color: BADGE_COLORS.pending,
      title: "Tierlens: 2 logged touches waiting to be sent",
    });
    expect(badgeFor({ pending: 0, failed: 1, due: due(5) }, today, en)).toMatchObject({
      text: "!",
      color: BADGE_COLORS.failed,
    });
    expect(badgeFor({ pending: 0, failed: 0, due: due(5) }, today, en)).toEqual({
      text: "5",
      color: BADGE_COLORS.due,
      title: "Tierlens: 5 follow-ups due today",
    });
  });

  it("says one, many and more than it counted, and nothing for none, a count of yesterday or no count", () => {
    expect(badgeFor({ pending: 0, failed: 0, due: due(1) }, today, en).title).toBe("Tierlens: 1 follow-up due today");
    expect(badgeFor({ pending: 0, failed: 0, due: due(99, true) }, today, en)).toMatchObject({
      text: "99+",
      title: "Tierlens: more than 99 follow-ups due today",
    });
    for (const d of [due(0), due(4, false, "2026-12-02"), null])
      expect(badgeFor({ pending: 0, failed: 0, due: d }, today, en)).toMatchObject({ text: "", title: "Tierlens" });
  });

  it("adds the customers waiting for a reply to the follow-ups due, and its tooltip names each", () => {
    const state = (d: object) => ({ pending: 0, failed: 0, due: { ...due(0), ...d } });
    expect(badgeFor(state({ count: 3, replies: 2 }), today, en)).toEqual({
      text: "5",
      color: BADGE_COLORS.due,
      title: "Tierlens: 3 follow-ups due today; 2 customers waiting for your reply",
    });
    expect(badgeFor(state({ replies: 1 }), today, en)).toMatchObject({
      text: "1",
      title: "Tierlens: 1 customer waiting for your reply",
    });
    expect(badgeFor(state({ count: 1, replies: 99, repliesMore: true }), today, en)).toMatchObject({
      text: "100+",
      title: "Tierlens: 1 follow-up due today; more than 99 customers waiting for your reply",
    });
    expect(badgeFor(state({ count: 2, replies: 1 }), today, translator("zh-CN")).title).toBe(
      "Tierlens：今天有 2 位客户待跟进；1 位客户等待您回复",
    );
    // A count saved by the previous version (no replies) still shows.
    expect(badgeFor(state({ count: 2 }), today, en).text).toBe("2");
  });

  it("speaks Chinese to a Chinese rep", () => {
    const zh = translator("zh-CN");
    expect(badgeFor({ pending: 0, failed: 0, due: due(3) }, today, zh).title).toBe("Tierlens：今天有 3 位客户待跟进");
    expect(badgeFor({ pending: 1, failed: 0, due: null }, today, zh).title).toBe("Tierlens：1 条跟进记录等待发送");
  });
});

describe("the badge in the background", () => {
  it("shows the due count again once the touches waiting are sent, and after the service worker restarts", async () => {
    await showBadge({ due: due(4, false, localDay()) });
    await showBadge({ pending: 1 });
    expect(await shown()).toEqual({ text: "1", title: "Tierlens: 1 logged touch waiting to be sent" });
    resetBadgeForTests(); // a new service worker: only storage.session remembers
    await showBadge({ pending: 0, failed: 0 });
    expect(await shown()).toEqual({ text: "4", title: "Tierlens: 4 follow-ups due today" });
  });

  it("counts my follow-ups due when the popup lists them, which shows the first few", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com", token: "tok" } });
    vi.stubGlobal("fetch", serve(customers(12)));
    const reply = (await handle({ type: "due" }, page)) as { items: unknown[]; more: boolean };
    expect(reply.items).toHaveLength(DUE_LIMIT);
    expect(reply.more).toBe(true);
    expect((await shown()).text).toBe("12");
  });

  it("counts the emails waiting for my reply with the follow-ups, and the follow-ups alone when replies fail", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com", token: "tok" } });
    vi.stubGlobal("fetch", serve(customers(4), customers(10, true)));
    const reply = (await handle({ type: "due" }, page)) as { replies: unknown[]; repliesMore: boolean };
    expect(reply.replies).toHaveLength(DUE_LIMIT);
    expect(reply.repliesMore).toBe(true);
    expect(await shown()).toEqual({
      text: "14+",
      title: "Tierlens: 4 follow-ups due today; more than 10 customers waiting for your reply",
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        url.includes("replyDue") ? new Response("{}", { status: 500 }) : Response.json(customers(4)),
      ),
    );
    const partly = (await handle({ type: "due" }, page)) as {
      items: unknown[];
      replies: unknown[];
      repliesError?: string;
    };
    expect(partly.items).toHaveLength(4);
    expect(partly.replies).toEqual([]);
    expect(partly.repliesError).toBeTruthy();
    expect((await shown()).text).toBe("4");
  });

  it("keeps the count when the server cannot be reached, and clears it when disconnected", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com", token: "tok" } });
    vi.stubGlobal("fetch", serve(customers(3, true)));
    await refreshDueBadge();
    expect((await shown()).text).toBe("3+");
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await refreshDueBadge();
    expect((await shown()).text).toBe("3+");
    await browser.storage.local.remove("connection");
    await refreshDueBadge();
    expect(await shown()).toEqual({ text: "", title: "Tierlens" });
  });

  it("counts again after a logged touch is stored, so the follow-up just made leaves the count", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com", token: "tok" } });
    let dueNow = 2;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith("/interactions/batch")) {
        const { items } = JSON.parse(init?.body as string) as { items: { id: string }[] };
        dueNow--; // the server moves the customer's next follow-up on
        return Response.json({ results: items.map((i) => ({ id: i.id, status: 201 })) });
      }
      return Response.json(String(url).includes("replyDue=true") ? customers(0) : customers(dueNow));
    });
    vi.stubGlobal("fetch", fetchMock);
    await refreshDueBadge();
    expect((await shown()).text).toBe("2");
    await handle({ type: "log", item: { customerId: "c0", kind: "call", summary: "Follow-up call" } }, page);
    // First the touch waiting ("1", blue), then, once stored, the one follow-up still due.
    await vi.waitFor(async () =>
      expect(await shown()).toEqual({ text: "1", title: "Tierlens: 1 follow-up due today" }),
    );
    // Counted twice (before and after the touch), each time both lists.
    expect(fetchMock.mock.calls.filter(([u]) => String(u).includes("/customers?"))).toHaveLength(4);
    await outbox.flush(true);
  });
});
