// The harness itself: a fresh worker answers, and Chromium reaches it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, startTestWorker, type TestBrowser, type TestWorker } from "./harness";

let worker: TestWorker;
let browser: TestBrowser;
beforeAll(async () => {
  worker = await startTestWorker();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

it("serves the worker to a real Chromium page", async () => {
  const page = await browser.context.newPage();
  const res = await page.goto(`${worker.url}/health`);
  expect(res?.status()).toBe(200);
  expect(await page.textContent("body")).toContain('"ok":true');
});
