// Message validation and the background router: content scripts are untrusted, only extension pages may log or connect.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { localDay } from "../../extension/entrypoints/background/badge";
import { COUNT_LIMIT } from "../../extension/entrypoints/background/follow-ups";
import { handle } from "../../extension/entrypoints/background/router";
import { lookups, outbox } from "../../extension/entrypoints/background/services";
import { parseMessage } from "../../extension/lib/message-schemas";
import { customerResult } from "./results";

const page = { id: "test-extension-id", url: "chrome-extension://test-extension-id/popup.html" };
const content = { id: "test-extension-id", url: "https://mail.google.com/mail/u/0/#inbox", tab: { id: 3 } as never };
const log = { type: "log", item: { email: "ana.lopes@example.org", kind: "call", summary: "Called about Q3" } };

beforeEach(() => {
  fakeBrowser.reset();
  lookups.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("parseMessage", () => {
  it.each([
    ["an unknown type", { type: "eval", code: "1" }],
    ["an extra field", { type: "status", admin: true }],
    ["a bad address", { type: "card", email: "not an address" }],
    ["an unknown kind", { type: "log", item: { email: "a@b.co", kind: "fax", summary: "Called" } }],
    ["a blank summary", { type: "log", item: { email: "a@b.co", kind: "note", summary: " \n " } }],
    [
      "both email and customerId",
      { type: "log", item: { email: "a@b.co", customerId: "c1", kind: "note", summary: "Called" } },
    ],
    [
      "a javascript: source URL",
      { type: "log", item: { email: "a@b.co", kind: "note", summary: "Called", sourceUrl: "javascript:alert(1)" } },
    ],
    ["too many addresses", { type: "lookup", emails: Array.from({ length: 501 }, (_, i) => `p${i}@example.com`) }],
    ["a pairing code and a token", { type: "connect", serverUrl: "https://crm.example.com", code: "A", token: "B" }],
    ["an undo of an id that is not a UUID", { type: "undo", id: "../tokens" }],
    ["not an object", "status"],
  ])("rejects %s", (_, input) => {
    expect(parseMessage(input)).toBeNull();
  });

  it("accepts and normalises a valid log", () => {
    expect(parseMessage({ ...log, item: { ...log.item, email: "Ana.Lopes@Example.ORG" } })).toMatchObject({
      item: { email: "ana.lopes@example.org" },
    });
  });
});

describe("background router", () => {
  it("refuses a log, connect, search or follow-up list sent by a web page's content script", async () => {
    for (const m of [
      log,
      { type: "connect", serverUrl: "https://evil.example", token: "t" },
      { type: "search", q: "a" },
      { type: "due" },
      { type: "undo", id: crypto.randomUUID() },
    ]) {
      expect(await handle(m, content)).toBeNull();
    }
    expect(Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith("outbox"))).toEqual([]);
    expect((await browser.storage.local.get("connection")).connection).toBeUndefined();
  });

  it("refuses messages from another extension", async () => {
    expect(await handle({ type: "status" }, { ...page, id: "other" })).toBeNull();
  });

  it("queues a log from an extension page with a client UUID and the time", async () => {
    const reply = (await handle(log, page)) as { id: string };
    expect(reply.id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await browser.storage.local.get(["outbox:q:0", `outbox:id:${reply.id}`]);
    expect(stored).toMatchObject({
      "outbox:q:0": { body: { id: reply.id, email: "ana.lopes@example.org", kind: "call" } },
      [`outbox:id:${reply.id}`]: 0,
    });
  });

  it("undoes a queued log from an extension page: it leaves the queue before it is sent", async () => {
    const { id } = (await handle(log, page)) as { id: string };
    await outbox.flush(); // the send the log started (not connected: it stays queued)
    expect(await handle({ type: "undo", id }, content)).toBeNull();
    expect(await browser.storage.local.get(`outbox:id:${id}`)).not.toEqual({});
    expect(await handle({ type: "undo", id }, page)).toEqual({ ok: true });
    expect(Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith("outbox:q:"))).toEqual([]);
    // Not connected: the undo waits to reach the server (it may have been sent earlier), and the popup says so.
    expect(await handle({ type: "status" }, page)).toMatchObject({ pending: 0, undos: 1 });
  });

  it("answers a content script's lookup as not connected until a connection is stored", async () => {
    expect(await handle({ type: "lookup", emails: ["ana.lopes@example.org"] }, content)).toMatchObject({
      connected: false,
      results: [],
    });
  });

  it("reads a connection written straight into storage (the roll-out contract) and looks up with its token", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com/", token: "tok" } });
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
      Response.json({ results: [customerResult()] }, { headers: { ETag: '"v9"' } }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const reply = await handle({ type: "lookup", emails: ["Ana.Lopes@example.org", "junk"] }, content);
    expect(reply).toMatchObject({
      connected: true,
      results: [{ email: "ana.lopes@example.org", customer: { tier: "A" } }],
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("https://crm.example.com/api/v1/lookup");
    expect(JSON.parse(init.body as string)).toEqual({ emails: ["ana.lopes@example.org"] });
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer tok");
  });

  it("asks for the caller's follow-ups due by the browser's local day and emails waiting for their reply", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com", token: "tok" } });
    const fetchMock = vi.fn(async (url: string, _init: RequestInit) =>
      Response.json({ items: [], nextCursor: url.includes("replyDue") ? null : "more" }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const reply = await handle({ type: "due" }, page);
    const today = localDay();
    expect(reply).toEqual({
      items: [],
      today,
      more: true,
      replies: [],
      repliesMore: false,
      counted: { due: 0, dueMore: true, replies: 0, repliesMore: false },
    });
    const [followUps, replies] = fetchMock.mock.calls.map(([u]) => new URL(u));
    expect(followUps?.pathname).toBe("/api/v1/customers");
    expect(Object.fromEntries(followUps?.searchParams ?? [])).toEqual({
      owner: "me",
      followUpBy: today,
      sort: "followUp",
      limit: String(COUNT_LIMIT),
    });
    expect(Object.fromEntries(replies?.searchParams ?? [])).toEqual({
      owner: "me",
      replyDue: "true",
      sort: "replyBy",
      limit: String(COUNT_LIMIT),
    });
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });

  it("reads a list from a server older than nextFollowUp and replyBy (the extension may update first)", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com", token: "tok" } });
    const old = {
      ...{ id: "c1", name: "Acme", kind: "enterprise", industry: null, region: null, ownerId: null, ownerName: null },
      ...{ tier: "A", score: 80, keyAccount: false, negativeValue: false, credit: "good", overdueAmount: 0 },
      ...{ churn: "none", segment: null, valueClass: "ordinary" },
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ items: [old], nextCursor: null })),
    );
    const reply = (await handle({ type: "search", q: "acme" }, page)) as { items: unknown[] };
    expect(reply.items).toEqual([{ ...old, nextFollowUp: null, replyBy: null }]);
  });

  it("wipes the token and the cache on disconnect", async () => {
    await browser.storage.local.set({ connection: { serverUrl: "https://crm.example.com", token: "tok" } });
    lookups.restore({ "ana.lopes@example.org": { result: customerResult(), etag: null, at: Date.now() } });
    await handle({ type: "disconnect" }, page);
    expect((await browser.storage.local.get("connection")).connection).toBeUndefined();
    expect(lookups.cached("ana.lopes@example.org")).toBeNull();
  });
});
