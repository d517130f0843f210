// XSS in real Chromium (issue #8 §5): customer, contact, product, opportunity and interaction fields holding script
// payloads render as inert text in the admin UI (list, detail, dashboard), the extension's chip, card and popup: no
// dialog fires, no element is injected, the text is visible as typed; and the admin CSP blocks inline script.
import { readFileSync } from "node:fs";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildE2eExtension, type ExtensionBrowser, launchExtensionBrowser, RestartableWorker } from "./extension-env";
import { apiCall, createWorkspace, launchBrowser, type TestBrowser } from "./harness";

const P = {
  img: "<img src=x onerror=alert(1)>",
  script: '"><script>alert(1)</script>',
  js: "javascript:alert(1)",
  svg: "<svg/onload=alert(1)>",
  attr: "' autofocus onfocus='alert(1)",
};
const NAME = `${P.img} Ltd`; // behind ana.lopes@example.org (the Gmail fixture's sender)
const NAME2 = P.js; // behind bo.chen@example.com
const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);

let worker: RestartableWorker;
let token: string;
let admin: { email: string; password: string };
const dialogs: string[] = [];

beforeAll(async () => {
  buildE2eExtension();
  worker = await RestartableWorker.create();
  const ws = await createWorkspace(worker.asTestWorker(), `${P.script} Co.`);
  token = ws.token;
  admin = ws.admin;
  const post = (path: string, body: unknown) => apiCall(worker, token, "POST", path, body);
  await post("/api/v1/import/customers", [
    {
      externalId: "X1",
      name: NAME,
      industry: P.script,
      region: P.svg,
      domains: ["example.org"],
      attributes: { note: P.img },
    },
    { externalId: "X2", name: NAME2, industry: P.attr, domains: ["example.com"] },
  ]);
  await post("/api/v1/import/contacts", [
    { customerExternalId: "X1", name: P.script, email: "ana.lopes@example.org", phone: P.img, role: "decider" },
    { customerExternalId: "X2", name: P.attr, email: "bo.chen@example.com" },
  ]);
  await post("/api/v1/import/orders", [
    { externalId: "O1", customerExternalId: "X1", date: day(200), amount: 100000, cost: 60000, product: P.img },
    { externalId: "O2", customerExternalId: "X1", date: day(40), amount: 100000, cost: 60000, product: P.script },
    { externalId: "O3", customerExternalId: "X2", date: day(90), amount: 3000, cost: 2000, product: P.js },
  ]);
  await post("/api/v1/import/invoices", [
    { externalId: "I1", customerExternalId: "X1", dueDate: day(100), amount: 5000 }, // overdue: on the credit watchlist
  ]);
  await post("/api/v1/import/opportunities", [
    {
      externalId: "P1",
      customerExternalId: "X1",
      name: P.svg,
      stage: "proposal",
      amount: 500,
      expectedClose: day(-30),
    },
  ]);
  await post("/api/v1/interactions", {
    id: crypto.randomUUID(),
    email: "ana.lopes@example.org",
    kind: "note",
    occurredAt: new Date().toISOString(),
    summary: `${P.script} ${P.img}`,
    sourceTitle: P.svg,
  });
  await post("/api/v1/regrade", {});
});

afterAll(async () => {
  await worker?.dispose();
});

/** Everything a payload could have become: script/img/svg/iframe elements, on* attributes, javascript: links. */
async function injected(where: Page | Frame): Promise<string[]> {
  return where.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll("*"))) {
        const tag = el.tagName.toLowerCase();
        if (tag === "script" && !(el as HTMLScriptElement).src) found.push("inline <script>");
        if ((tag === "img" && el.getAttribute("src") === "x") || (tag === "svg" && el.hasAttribute("onload")))
          found.push(`<${tag}> from data`);
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
          if (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value))
            found.push(`${tag}[${a.name}=javascript:]`);
          if (a.name === "autofocus" && el.hasAttribute("onfocus")) found.push("autofocus+onfocus");
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

async function expectInert(where: Page | Frame, texts: string[]) {
  expect(await injected(where)).toEqual([]);
  const body = await where.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point — what a person sees.
    const parts: string[] = [document.body.innerText];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll("*"))) {
        if (el.shadowRoot) {
          parts.push((el.shadowRoot as unknown as { textContent: string }).textContent ?? "");
          visit(el.shadowRoot);
        }
      }
    };
    visit(document);
    return parts.join("\n");
  });
  for (const text of texts) expect(body, `shown as text: ${text}`).toContain(text);
  expect(dialogs).toEqual([]);
}

describe("the admin UI renders data as text", () => {
  let browser: TestBrowser;
  let page: Page;
  let detailUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    browser.context.on("dialog", (d) => {
      dialogs.push(`admin: ${d.message()}`);
      void d.dismiss();
    });
    page = await browser.context.newPage();
    await page.goto(`${worker.url}/admin/sign-in`);
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(admin.password);
    await Promise.all([
      page.waitForURL(/\/admin(\?|$|\/)/),
      page.locator('form[action="/admin/sign-in"] button[type="submit"]').click(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("customers list", async () => {
    await page.goto(`${worker.url}/admin/customers`);
    await expectInert(page, [NAME, NAME2]);
    detailUrl = (await page.locator("a", { hasText: NAME }).first().getAttribute("href")) as string;
    expect(detailUrl).toMatch(/^\/admin\/customers\//);
  });

  it("customer detail: contacts, orders, opportunities, interactions, attributes", async () => {
    await page.goto(`${worker.url}${detailUrl}`);
    await expectInert(page, [NAME, P.script, P.img, P.svg]);
  });

  it("the dashboard (credit watchlist, lists of customers)", async () => {
    await page.goto(`${worker.url}/admin`);
    await expectInert(page, [NAME]);
  });

  it("the audit log and the account page (workspace name)", async () => {
    for (const path of ["/admin/audit", "/admin/account", "/admin/people", "/admin/connect"]) {
      await page.goto(`${worker.url}${path}`);
      await expectInert(page, []);
    }
  });

  it("sends a CSP that makes Chromium refuse an inline script even when one gets into the page", async () => {
    const res = await page.goto(`${worker.url}/admin/customers`);
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/default-src 'self'|script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const s = document.createElement("script");
      s.textContent = "window.__pwned = true";
      document.body.append(s);
      const img = document.createElement("img");
      img.setAttribute("src", "data:,");
      img.setAttribute("onerror", "window.__pwned2 = true");
      img.setAttribute("onload", "window.__pwned2 = true");
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      const w = window as unknown as { __pwned?: boolean; __pwned2?: boolean };
      return { ran: w.__pwned === true || w.__pwned2 === true, violations };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.violations.length).toBeGreaterThan(0);
  });
});

describe("the extension renders data as text", () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchExtensionBrowser();
    ext.context.on("dialog", (d) => {
      dialogs.push(`extension: ${d.message()}`);
      void d.dismiss();
    });
    await ext.context.route("https://mail.google.com/**", (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: readFileSync("test/fixtures/gmail/thread-and-list.html", "utf8"),
      }),
    );
    const sw = await ext.serviceWorker();
    await sw.evaluate(
      ([serverUrl, t]) => chrome.storage.local.set({ connection: { serverUrl, token: t } }),
      [worker.url, token],
    );
  });

  afterAll(async () => {
    await ext?.close();
  });

  it("the chip and the card on Gmail", async () => {
    const page = await ext.context.newPage();
    await page.goto("https://mail.google.com/mail/u/0/#inbox/FMfcgzTESTthreadKEY");
    const chip = page.locator('.adn [data-tierlens-chip="ana.lopes@example.org"] [role=button]').first();
    await chip.waitFor({ timeout: 20_000 });
    expect(await chip.getAttribute("aria-label")).toContain(NAME);
    await chip.click();
    const frame = page.frameLocator('[data-tierlens-chip="card"] iframe');
    await frame.locator("h1").waitFor({ timeout: 15_000 });
    expect(await frame.locator("h1").textContent()).toBe(NAME);
    await expectInert(page, []);
    const card = page.frames().find((f) => f.url().includes("/card.html"));
    expect(card).toBeDefined();
    await expectInert(card as Frame, [NAME]);
    await page.close();
  });

  it("the popup's search and its customers of the page", async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.getByLabel("Search customers").fill("javascript");
    await page.locator("li", { hasText: NAME2 }).first().waitFor({ timeout: 15_000 });
    await page.getByLabel("Search customers").fill("img src");
    await page.locator("li", { hasText: NAME }).first().waitFor({ timeout: 15_000 });
    await expectInert(page, [NAME]);
    for (const href of await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      expect(href).not.toMatch(/^\s*javascript:/i);
    }
    await page.close();
  });

  it("the log form prefilled from a page title holding a payload", async () => {
    const params = new URLSearchParams({
      mode: "log",
      email: "ana.lopes@example.org",
      url: "https://mail.google.com/x",
      title: P.script,
    });
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html?${params}`);
    await page.getByLabel("Summary").waitFor();
    await expectInert(page, []);
    await page.close();
    expect(dialogs).toEqual([]);
  });
});

declare const chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
