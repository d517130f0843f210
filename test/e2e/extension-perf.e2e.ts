// Performance targets of issue #6 in real Chromium: a list of 50 senders costs one lookup request; a chip appears
// ≤ 100 ms after its sender element when the lookup is cached, and p50 ≤ 300 ms with a lookup against the local worker.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildE2eExtension,
  createSeededWorkspace,
  type ExtensionBrowser,
  launchExtensionBrowser,
  RestartableWorker,
} from "./extension-env";

let worker: RestartableWorker;
let browser: ExtensionBrowser;
let proxy: Server;
let lookups = 0;

beforeAll(async () => {
  buildE2eExtension();
  worker = await RestartableWorker.create();
  const token = await createSeededWorkspace(worker);
  // Counts POST /lookup on its way to the worker.
  proxy = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", async () => {
      if (req.url === "/api/v1/lookup") lookups++;
      const headers: Record<string, string> = { Authorization: String(req.headers.authorization ?? "") };
      if (req.headers["content-type"]) headers["Content-Type"] = String(req.headers["content-type"]);
      if (req.headers["if-none-match"]) headers["If-None-Match"] = String(req.headers["if-none-match"]);
      const answer = await fetch(`${worker.url}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "GET" ? undefined : body,
      });
      const out: Record<string, string> = { "Content-Type": answer.headers.get("content-type") ?? "application/json" };
      const etag = answer.headers.get("etag");
      if (etag) out.ETag = etag;
      res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  browser = await launchExtensionBrowser();
  const html = readFileSync("test/fixtures/gmail/thread-and-list.html", "utf8");
  await browser.context.route("https://mail.google.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: html }),
  );
  const sw = await browser.serviceWorker();
  const serverUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  await sw.evaluate(
    ([url, t]) => chrome.storage.local.set({ connection: { serverUrl: url, token: t } }),
    [serverUrl, token],
  );
});

afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
  proxy?.close();
});

/** Adds list rows for `emails` (cloned from the fixture's first row) and returns ms until each row's chip appeared. */
function addRows(page: Page, emails: string[]): Promise<number[]> {
  return page.evaluate((list) => {
    const tbody = document.querySelector("tr.zA")!.parentElement!;
    const template = document.querySelector("tr.zA")!;
    const start = performance.now();
    const times = new Map<string, number>();
    return new Promise<number[]>((resolve) => {
      const observer = new MutationObserver(() => {
        for (const chip of tbody.querySelectorAll("[data-tierlens-chip]")) {
          const email = chip.getAttribute("data-tierlens-chip")!;
          if (list.includes(email) && !times.has(email)) times.set(email, performance.now() - start);
        }
        if (times.size === list.length) {
          observer.disconnect();
          resolve(list.map((e) => times.get(e)!));
        }
      });
      observer.observe(tbody, { childList: true, subtree: true });
      for (const email of list) {
        const row = template.cloneNode(true) as Element;
        for (const c of row.querySelectorAll("[data-tierlens-chip]")) c.remove();
        const sender = row.querySelector("span[email]")!;
        sender.setAttribute("email", email);
        sender.setAttribute("data-hovercard-id", email);
        tbody.append(row);
      }
    });
  }, emails);
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fresh = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `perf.${tag}.${i}@example.org`);

describe("extension performance (Chromium + local worker)", () => {
  it("a message list of 50 new senders costs one lookup request", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://mail.google.com/mail/u/0/#inbox");
    await page.locator("[data-tierlens-chip]").first().waitFor({ state: "attached" });
    const before = lookups;
    const times = await addRows(page, fresh(50, "list"));
    expect(lookups - before).toBe(1);
    console.log(
      `50 senders: 1 lookup, chips after p50 ${p50(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    );
    await page.close();
  });

  it("p50 ≤ 300 ms from sender element to chip with a lookup against the local worker", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://mail.google.com/mail/u/0/#inbox");
    await page.locator("[data-tierlens-chip]").first().waitFor({ state: "attached" });
    const times: number[] = [];
    for (let i = 0; i < 15; i++) times.push(...(await addRows(page, fresh(1, `single${i}`))));
    console.log(`uncached chip: p50 ${p50(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
    expect(p50(times)).toBeLessThanOrEqual(300);
    await page.close();
  });

  it("≤ 100 ms from sender element to chip when the lookup is cached", async () => {
    const warm = fresh(10, "cached");
    const first = await browser.context.newPage();
    await first.goto("https://mail.google.com/mail/u/0/#inbox");
    await first.locator("[data-tierlens-chip]").first().waitFor({ state: "attached" });
    await addRows(first, warm); // fills the background's cache
    const page = await browser.context.newPage(); // a new page: nothing memoised in its content script
    await page.goto("https://mail.google.com/mail/u/0/#inbox");
    await page.locator("[data-tierlens-chip]").first().waitFor({ state: "attached" });
    const before = lookups;
    const times: number[] = [];
    for (const email of warm) times.push(...(await addRows(page, [email])));
    console.log(`cached chip: p50 ${p50(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
    expect(lookups - before).toBe(0);
    expect(p50(times)).toBeLessThanOrEqual(100);
    await Promise.all([first.close(), page.close()]);
  });
});

declare const chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
