// One-click logging end to end: a log made while the worker is down survives a killed service worker and reaches the
// worker exactly once when it is back; a flush cut off by stopping the service worker is resent and stored once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildE2eExtension,
  createSeededWorkspace,
  type ExtensionBrowser,
  extensionStorage,
  launchExtensionBrowser,
  RestartableWorker,
} from "./extension-env";
import { holdingProxy } from "./extension-proxy";
import { apiCall } from "./harness";

interface Outbox {
  items: { body: { id: string; summary: string } }[];
  failed: unknown[];
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
  await page.getByRole("status").waitFor();
  await page.close();
}

const outbox = async () =>
  ((await extensionStorage(browser, "outbox")) as Outbox | undefined) ?? { items: [], failed: [] };

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 100_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
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
  await waitFor("the service worker to stop", targets, (t) => t.length === 0, 10_000);
  await page.close();
}

describe("durable outbox, end to end", () => {
  const offline = `Called while the server was down ${Date.now()}`;

  it("keeps a log made while the worker is down, with the badge count, through a stopped service worker", async () => {
    await worker.stop();
    await logCall(offline);
    expect((await outbox()).items.map((i) => i.body.summary)).toEqual([offline]);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/card.html#email=x%40example.com`);
    expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe("1");
    await page.close();
    await stopServiceWorker();
    expect((await outbox()).items.map((i) => i.body.summary)).toEqual([offline]);
    await worker.start();
  });

  // By design the retry waits out the backoff (≤ 72 s after the failed attempt) and then the next 1-minute alarm
  // tick (≤ 60 s): up to ~132 s. With the former 100 s wait it failed whenever the tick fell just before the backoff
  // ended (3 runs of 3 on a loaded 2-core machine, the code before and after the icon/popup changes alike).
  it("delivers it exactly once when the worker is back (alarm + backoff)", { timeout: 200_000 }, async () => {
    await waitFor("the outbox to drain", outbox, (o) => o.items.length === 0, 170_000);
    expect((await outbox()).failed).toEqual([]);
    expect(await storedWith(offline)).toBe(1);
  });

  it("resends a flush cut off by stopping the service worker, and the worker stores it once", async () => {
    const proxy = await holdingProxy(worker.url);
    try {
      await connectTo(proxy.url);
      const summary = `Cut off mid-flush ${Date.now()}`;
      await logCall(summary);
      await waitFor(
        "the first batch to reach the worker",
        async () => proxy.batches.length,
        (n) => n >= 1,
        20_000,
      );
      await stopServiceWorker(); // the worker stored it; the answer never came back
      proxy.release();
      await waitFor("the outbox to drain", outbox, (o) => o.items.length === 0); // opening an extension page wakes it
      const ids = proxy.batches.map((b) => (JSON.parse(b) as { items: { id: string }[] }).items.map((i) => i.id));
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(new Set(ids.flat()).size).toBe(1);
      expect(await storedWith(summary)).toBe(1);
    } finally {
      await connectTo(worker.url);
      proxy.close();
    }
  });
});

declare const chrome: {
  storage: { local: { set(v: unknown): Promise<void> } };
  action: { getBadgeText(d: object): Promise<string> };
};
