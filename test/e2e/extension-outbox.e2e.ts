// One-click logging end to end: a log made while the worker is down survives a killed service worker and reaches the
// worker exactly once when it is back (on the flush alarm, or at once when a request to the worker succeeds again);
// a flush cut off by stopping the service worker is resent and stored once. The e2e build's schedule is seconds, not
// minutes (extension/lib/schedule.ts: 6-s alarm, backoff ≤ 3.6 s); the production schedule has its own unit test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildE2eExtension,
  createSeededWorkspace,
  type ExtensionBrowser,
  launchExtensionBrowser,
  RestartableWorker,
} from "./extension-env";
import { holdingProxy } from "./extension-proxy";
import { apiCall, waitUntil } from "./harness";

interface Outbox {
  items: { body: { id: string; summary: string } }[];
  failed: unknown[];
  pending: number;
  /** Undone logs still to undo on the worker. */
  undos: string[];
}

let worker: RestartableWorker;
let browser: ExtensionBrowser;
let token: string;
let orgId: string;

beforeAll(async () => {
  buildE2eExtension();
  worker = await RestartableWorker.create();
  token = await createSeededWorkspace(worker);
  const list = await apiCall<{ items: { id: string; name: string }[] }>(
    worker,
    token,
    "GET",
    "/api/v1/customers?q=Example%20Org",
  );
  orgId = list.items.find((c) => c.name === "Example Org")!.id;
  browser = await launchExtensionBrowser();
  await connectTo(worker.url);
});

afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
});

async function connectTo(serverUrl: string) {
  const sw = await browser.serviceWorker();
  await sw.evaluate(
    ([url, t]) => chrome.storage.local.set({ connection: { serverUrl: url, token: t } }),
    [serverUrl, token],
  );
}

/** The one-click log as a rep does it from the context menu's window: kind "call", summary typed, Log. */
async function logCall(summary: string) {
  await (await logCallKeepingPage(summary)).close();
}

/** logCall, leaving its window open (its Undo is there). */
async function logCallKeepingPage(summary: string) {
  const params = new URLSearchParams({
    mode: "log",
    email: "ana.lopes@example.org",
    url: "https://mail.google.com/mail/u/0/#inbox",
    title: "Budget review",
  });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?${params}`);
  await page.getByLabel("Call").check();
  await page.getByLabel("Summary").fill(summary);
  await page.getByRole("button", { name: "Log it" }).click();
  // The form's own status (the follow-ups list has one too, "Loading…" while its request is out).
  await page.getByRole("status").filter({ hasText: "Queued" }).waitFor();
  return page;
}

/**
 * The outbox as stored (one `outbox:q:<seq>` key per item), read from an extension page (works while the service
 * worker is stopped). The options page, not the card: the card looks its address up, and a lookup that reaches the
 * worker is itself a flush trigger, which would hide whether the alarm works.
 */
async function outbox(): Promise<Outbox> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const all = (await page.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
  await page.close();
  const items = Object.keys(all)
    .filter((k) => k.startsWith("outbox:q:"))
    .sort((a, b) => Number(a.slice(9)) - Number(b.slice(9)))
    .map((k) => all[k] as Outbox["items"][number]);
  const meta = all["outbox:meta"] as { count?: number } | undefined;
  return {
    items,
    failed: (all["outbox:failed"] as unknown[] | undefined) ?? [],
    pending: meta?.count ?? 0,
    undos: (all["outbox:undo"] as string[] | undefined) ?? [],
  };
}

async function storedWith(summary: string): Promise<number> {
  const detail = await apiCall<{ interactions: { summary: string }[] }>(
    worker,
    token,
    "GET",
    `/api/v1/customers/${orgId}`,
  );
  return detail.interactions.filter((i) => i.summary === summary).length;
}

/** Stops the extension's service worker through the DevTools protocol, as Chrome does to an idle one. */
async function stopServiceWorker() {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const targets = async () =>
    (
      (await cdp.send("Target.getTargets")) as { targetInfos: { targetId: string; type: string; url: string }[] }
    ).targetInfos.filter(
      (t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
  const before = await targets();
  for (const t of before) await cdp.send("Target.closeTarget", { targetId: t.targetId });
  await waitUntil("the service worker to stop", targets, (t) => t.length === 0, 10_000);
  await page.close();
}

describe("durable outbox, end to end", () => {
  const offline = `Called while the server was down ${Date.now()}`;

  it("keeps a log made while the worker is down, with the badge count, through a stopped service worker", async () => {
    await worker.stop();
    await logCall(offline);
    expect(await outbox()).toMatchObject({ items: [{ body: { summary: offline } }], pending: 1 });
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/card.html#email=x%40example.com`);
    expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe("1");
    await page.close();
    await stopServiceWorker();
    expect((await outbox()).items.map((i) => i.body.summary)).toEqual([offline]);
    await worker.start();
  });

  // Only the alarm sends it here (the woken service worker's start-up flush failed while the worker was down, and
  // reading storage from the options page makes no request): the retry waits out the backoff (≤ 3.6 s in the e2e
  // build) and the next alarm tick (6 s; Chrome does not clamp alarms of an unpacked extension), usually while the
  // worker is still starting. Production: ≤ 72 s + ≤ 60 s, the same code path.
  it("delivers it exactly once when the worker is back (alarm + backoff)", async () => {
    const drained = await waitUntil("the outbox to drain", outbox, (o) => o.items.length === 0, 30_000);
    expect(drained).toMatchObject({ failed: [], pending: 0 });
    expect(await storedWith(offline)).toBe(1);
  });

  it("resends a flush cut off by stopping the service worker, and the worker stores it once", async () => {
    const proxy = await holdingProxy(worker.url);
    try {
      await connectTo(proxy.url);
      const summary = `Cut off mid-flush ${Date.now()}`;
      await logCall(summary);
      await waitUntil(
        "the first batch to reach the worker",
        async () => proxy.batches.length,
        (n) => n >= 1,
        20_000,
      );
      await stopServiceWorker(); // the worker stored it; the answer never came back
      proxy.release();
      await waitUntil("the outbox to drain", outbox, (o) => o.items.length === 0); // opening an extension page wakes it
      const ids = proxy.batches.map((b) => (JSON.parse(b) as { items: { id: string }[] }).items.map((i) => i.id));
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(new Set(ids.flat()).size).toBe(1);
      expect(await storedWith(summary)).toBe(1);
    } finally {
      await connectTo(worker.url);
      proxy.close();
    }
  });

  it("undoes a delivered log while the worker is down, through a stopped service worker, once it is back", async () => {
    const summary = `Logged by mistake ${Date.now()}`;
    const page = await logCallKeepingPage(summary);
    await waitUntil(
      "the log delivered",
      () => storedWith(summary),
      (n) => n === 1,
      20_000,
    );
    await worker.stop();
    try {
      await page.getByRole("button", { name: `Undo: Call · ${summary}` }).click();
      await page.getByRole("status").filter({ hasText: "Undone" }).waitFor();
      await page.getByTestId("undos").filter({ hasText: "Undos waiting to reach Tierlens: 1" }).waitFor();
      await page.close();
      expect((await outbox()).undos).toHaveLength(1);
      await stopServiceWorker();
      expect((await outbox()).undos).toHaveLength(1);
    } finally {
      await worker.start();
    }
    await waitUntil("the undo sent", outbox, (o) => o.undos.length === 0, 30_000);
    expect(await storedWith(summary)).toBe(0);
  });

  // "Flushed on reconnect": with the alarm cleared and the backoff long past, the log waits until the first request
  // that reaches the worker again (here a lookup, as a chip on a mail page makes) and is sent right after it.
  it("sends the queue as soon as a lookup reaches the worker again, without waiting for the alarm", async () => {
    const sw = await browser.serviceWorker();
    await worker.stop();
    const summary = `Logged before reconnecting ${Date.now()}`;
    try {
      await logCall(summary); // its own flush fails: the outbox backs off (≤ 3.6 s)
      await sw.evaluate(() => chrome.alarms.clear("outbox-flush"));
      await worker.start();
      await new Promise((r) => setTimeout(r, 5_000)); // past the backoff: still queued, nothing else sends it
      expect(await outbox()).toMatchObject({ items: [{ body: { summary } }], pending: 1 });
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/card.html#email=x%40example.com`);
      const started = Date.now();
      const reply = (await page.evaluate(() =>
        chrome.runtime.sendMessage({ type: "lookup", emails: ["bo.chen@example.com"] }),
      )) as { results: unknown[] };
      await page.close();
      expect(reply.results).toHaveLength(1);
      await waitUntil("the outbox to drain", outbox, (o) => o.items.length === 0, 10_000);
      console.log(`outbox e2e: drained ${Date.now() - started} ms after the lookup succeeded`);
      expect(await storedWith(summary)).toBe(1);
    } finally {
      if (!worker.running) await worker.start();
      await sw.evaluate(() => chrome.alarms.create("outbox-flush", { periodInMinutes: 0.1 })).catch(() => undefined);
    }
  });
});

declare const chrome: {
  storage: { local: { set(v: unknown): Promise<void>; get(k: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { clear(name: string): Promise<boolean>; create(name: string, info: object): Promise<void> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};
