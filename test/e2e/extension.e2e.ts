// The built extension in real Chromium against a local worker: on every host fixture the chip shows the worker's tier
// and credit; the card opens from the chip; the language switch reaches the chip. Webmail hosts are served by routing.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LookupResponse, LookupResult } from "../../shared/contract/lookup";
import { t as message } from "../../shared/i18n/format";
import {
  buildE2eExtension,
  createSeededWorkspace,
  type ExtensionBrowser,
  launchExtensionBrowser,
  RestartableWorker,
} from "./extension-env";
import { apiCall } from "./harness";

const fixture = (path: string) => readFileSync(`test/fixtures/${path}`, "utf8");
const EMAILS = ["ana.lopes@example.org", "bo.chen@example.com", "dana.idris@corp.example"];

let worker: RestartableWorker;
let browser: ExtensionBrowser;
let site: Server;
let siteUrl: string;
let expected: Map<string, { tier: string; credit: string }>;
let results: LookupResult[];
let currency: string;

beforeAll(async () => {
  buildE2eExtension();
  worker = await RestartableWorker.create();
  const token = await createSeededWorkspace(worker);
  const lookup = await apiCall<LookupResponse>(worker, token, "POST", "/api/v1/lookup", { emails: EMAILS });
  expected = new Map(
    lookup.results.map((r) => [r.email, { tier: r.customer?.tier ?? "", credit: r.customer?.credit.rating ?? "" }]),
  );
  results = lookup.results;
  currency = (await apiCall<{ workspace: { currency: string } }>(worker, token, "GET", "/api/v1/me")).workspace
    .currency;
  site = createServer((_, res) =>
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(fixture("generic/page.html")),
  );
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchExtensionBrowser();
  const routes: Record<string, (url: URL) => string> = {
    "https://mail.google.com/**": () => fixture("gmail/thread-and-list.html"),
    "https://outlook.office.com/**": () => fixture("outlook/conversation-and-list.html"),
    "https://wx.mail.qq.com/**": () => fixture("qq/new-reader-and-list.html"),
    "https://mail.qq.com/**": (u) =>
      fixture(u.pathname.includes("mail_list") ? "qq/classic-list.html" : "qq/classic-frame.html"),
    "https://mail.163.com/**": () => fixture("netease/list-and-read.html"),
  };
  for (const [pattern, body] of Object.entries(routes)) {
    await browser.context.route(pattern, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: body(new URL(route.request().url())),
      }),
    );
  }
  const sw = await browser.serviceWorker();
  await sw.evaluate(
    ([serverUrl, apiToken]) => chrome.storage.local.set({ connection: { serverUrl, token: apiToken } }),
    [worker.url, token],
  );
});

afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
  site?.close();
});

async function chip(where: Page | Frame, email: string) {
  const button = where.locator(`[data-tierlens-chip="${email}"] [role=button]`).first();
  await button.waitFor({ state: "attached", timeout: 15_000 });
  return {
    tier: await button.getAttribute("data-tier"),
    credit: await button.getAttribute("data-credit"),
    label: await button.getAttribute("aria-label"),
  };
}

const cases: { host: string; url: string; emails: string[]; frame?: RegExp }[] = [
  {
    host: "gmail",
    url: "https://mail.google.com/mail/u/0/#inbox/FMfcgzTESTthreadKEY",
    emails: ["ana.lopes@example.org", "bo.chen@example.com"],
  },
  { host: "outlook", url: "https://outlook.office.com/mail/inbox/id/AAQkADAwTESTconv%3D", emails: EMAILS },
  {
    host: "qq (new)",
    url: "https://wx.mail.qq.com/home/index?sid=TESTSID#/list/1",
    emails: ["ana.lopes@example.org", "bo.chen@example.com"],
  },
  {
    host: "qq (classic mainFrame)",
    url: "https://mail.qq.com/cgi-bin/frame_html?sid=TESTSID",
    emails: ["ana.lopes@example.org", "bo.chen@example.com"],
    frame: /mail_list/,
  },
  {
    host: "netease",
    url: "https://mail.163.com/js6/main.jsp?sid=TESTSID#module=read.ReadModule",
    emails: ["ana.lopes@example.org", "bo.chen@example.com"],
  },
];

describe("chips on every host fixture", () => {
  it.each(cases)("$host: the chip shows the worker's tier and credit", async ({ url, emails, frame }) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    const where = frame ? await waitForFrame(page, frame) : page;
    for (const email of emails) {
      const shown = await chip(where, email);
      expect({ email, tier: shown.tier, credit: shown.credit }).toEqual({ email, ...expected.get(email) });
    }
    await page.close();
  });

  it("qq (new) and netease: list rows with names only get chips from names learned in the reader", async () => {
    for (const url of [cases[2]!.url, cases[4]!.url]) {
      const page = await browser.context.newPage();
      await page.goto(url);
      const rows = page.locator(
        '.mail-list-page-item [data-tierlens-chip="bo.chen@example.com"], [sign=letter] [data-tierlens-chip="bo.chen@example.com"]',
      );
      await rows.first().waitFor({ state: "attached", timeout: 15_000 });
      await page.close();
    }
  });

  it("generic: an enabled site shows chips for mailto links and visible addresses", async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(async (origin) => {
      await chrome.storage.local.set({ settings: { locale: "auto", sites: [origin] } });
      await chrome.runtime.sendMessage({ type: "sitesChanged" });
    }, siteUrl);
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/page.html`);
    for (const email of EMAILS) expect((await chip(page, email)).tier).toBe(expected.get(email)!.tier);
    expect(await page.locator("[data-tierlens-chip]").count()).toBe(3);
    await Promise.all([page.close(), options.close()]);
  });
});

describe("card and language", () => {
  it("opens the card from the chip with the customer, tier, credit and a link to the admin UI", async () => {
    const page = await browser.context.newPage();
    await page.goto(cases[0]!.url);
    await chip(page, "ana.lopes@example.org");
    await page.locator('.adn [data-tierlens-chip="ana.lopes@example.org"] [role=button]').click();
    const card = page.frameLocator('[data-tierlens-chip="card"] iframe');
    await card.locator("h1").waitFor({ timeout: 15_000 });
    expect(await card.locator("h1").textContent()).toBe("Example Org");
    expect(await card.locator("[data-testid=tier]").textContent()).toContain(
      `Tier ${expected.get("ana.lopes@example.org")!.tier}`,
    );
    expect(await card.locator("a", { hasText: "Open in Tierlens" }).getAttribute("href")).toMatch(
      `${worker.url}/admin/customers/`,
    );
    await page.screenshot({ path: "test-results/extension-gmail-card.png" }).catch(() => undefined);
    await page.close();
  });

  it("frames the card through the per-session dynamic URL; the fixed extension URL is closed to pages", async () => {
    const page = await browser.context.newPage();
    await page.goto(cases[0]!.url);
    await chip(page, "ana.lopes@example.org");
    await page.locator('.adn [data-tierlens-chip="ana.lopes@example.org"] [role=button]').click();
    await page.frameLocator('[data-tierlens-chip="card"] iframe').locator("h1").waitFor({ timeout: 15_000 });
    const src = await page.evaluate(
      () => document.querySelector('[data-tierlens-chip="card"]')?.shadowRoot?.querySelector("iframe")?.src ?? "",
    );
    expect(src).toMatch(/^chrome-extension:\/\/[^/]+\/card\.html#/);
    expect(new URL(src).host, "dynamic id, not the extension id").not.toBe(browser.extensionId);
    // What a fingerprinting page would try: load the resource at its fixed address.
    const probe = (url: string) =>
      page.evaluate(
        (u) =>
          fetch(u).then(
            (r) => `ok ${r.status}`,
            () => "blocked",
          ),
        url,
      );
    expect(await probe(`chrome-extension://${browser.extensionId}/card.html`)).toBe("blocked");
    await page.close();
  });

  it("names the next steps in the engine's words, with amount and days, in English and Chinese", async () => {
    const dana = results.find((r) => r.email === "dana.idris@corp.example")!.customer!;
    const step = dana.suggestions.find((s) => s.code === "collect-overdue")!;
    expect(step, "seeded overdue invoice").toBeDefined();
    const sw = await browser.serviceWorker();
    for (const locale of ["en", "zh-CN"] as const) {
      await sw.evaluate((l) => chrome.storage.local.set({ settings: { locale: l, sites: [] } }), locale);
      const page = await browser.context.newPage();
      await page.goto(cases[1]!.url);
      await chip(page, "dana.idris@corp.example");
      await page.locator('[data-tierlens-chip="dana.idris@corp.example"] [role=button]').first().click();
      const card = page.frameLocator('[data-tierlens-chip="card"] iframe');
      const row = card.locator('li[data-code="collect-overdue"] > span').first();
      await row.waitFor({ timeout: 15_000 });
      const text = (await row.textContent())!.split(" · ")[0];
      expect(text).toBe(message(locale, step.title, { currency }));
      expect(text).toMatch(locale === "en" ? /^Collect .*\d.* overdue for \d+ days$/ : /^催收逾期 \d+ 天的 .*\d/);
      await page.close();
    }
    await sw.evaluate(() => chrome.storage.local.set({ settings: { locale: "auto", sites: [] } }));
  });

  it("speaks Chinese on the chip when the options say zh-CN", async () => {
    const sw = await browser.serviceWorker();
    await sw.evaluate(() => chrome.storage.local.set({ settings: { locale: "zh-CN", sites: [] } }));
    const page = await browser.context.newPage();
    await page.goto(cases[0]!.url);
    expect((await chip(page, "ana.lopes@example.org")).label).toContain("级客户");
    await sw.evaluate(() => chrome.storage.local.set({ settings: { locale: "auto", sites: [] } }));
    await page.close();
  });
});

async function waitForFrame(page: Page, url: RegExp): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => url.test(f.url()));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame ${url}`);
}

declare const chrome: {
  storage: { local: { set(v: unknown): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};
