// The admin web UI in real Chromium against a real worker and D1: setup, sign-in, import, regrade, dashboards,
// explanation, scoring preview, tokens, pairing; screenshots of the main pages in both languages.
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { customersCsv, invoicesCsv, opportunitiesCsv, ordersCsv } from "./admin-data";
import { launchBrowser, startTestWorker, type TestBrowser, type TestWorker } from "./harness";

const ADMIN = { email: "admin@tierlens.e2e", name: "Ada Admin", password: "correct horse battery staple" };
const SHOTS = "screenshots";

let worker: TestWorker;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  worker = await startTestWorker();
  browser = await launchBrowser({ locale: "en-US" });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const go = (path: string) => page.goto(`${worker.url}${path}`);
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

async function upload(type: string, name: string, text: string) {
  await go("/admin/import");
  await page.selectOption("select[name=type]", type);
  await page.setInputFiles("input[name=file]", { name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.click("text=Upload and map columns");
  await page.waitForSelector("text=Map the columns");
}

it("first run: /setup creates the workspace and its admin, then signs in", async () => {
  await go("/");
  expect(page.url()).toContain("/admin/sign-in");
  await go("/setup");
  await shot("en-setup");
  await page.fill("input[name=operatorToken]", "not the token");
  await page.fill("input[name=workspace]", "Tierlens Demo 演示");
  await page.fill("input[name=name]", ADMIN.name);
  await page.fill("input[name=email]", ADMIN.email);
  await page.fill("input[name=password]", ADMIN.password);
  await page.click("button[type=submit]");
  expect(await page.textContent("main")).toContain("This is not the operator token.");
  await page.fill("input[name=operatorToken]", worker.operatorToken);
  await page.fill("input[name=password]", ADMIN.password);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/admin\?notice=welcome/);
  expect(await page.textContent("main")).toContain("Your workspace is ready");
  const res = await go("/setup");
  expect(page.url()).toContain("/admin");
  expect(res?.status()).toBe(200);
});

it("signs out and in again", async () => {
  await page.click("text=Sign out");
  await page.waitForURL(/sign-in\?notice=signedOut/);
  await shot("en-sign-in");
  await page.fill("input[name=email]", ADMIN.email);
  await page.fill("input[name=password]", "wrong password!!");
  await page.click("button[type=submit]");
  expect(await page.textContent("main")).toContain("The email or password is not right.");
  await page.fill("input[name=password]", ADMIN.password);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/admin$/);
  const cookies = await browser.context.cookies(worker.url);
  const session = cookies.find((c) => c.name === "tl_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

it("imports customers: a dry run lists the bad row, the fixed file imports", async () => {
  await upload("customers", "customers.csv", customersCsv(true, ADMIN.email));
  expect(await page.inputValue("select[name='map.0']")).toBe("external_id");
  expect(await page.inputValue("select[name='map.6']")).toBe("owner_email");
  await shot("en-import-mapping");
  await page.click("button[value=dry-run]");
  await page.waitForSelector("text=Dry run: nothing was written");
  const errors = await page.locator("table tr.overdue").allTextContents();
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain("4");
  expect(errors[0]).toContain("kind");
  await shot("en-import-dry-run");
  await upload("customers", "customers-fixed.csv", customersCsv(false, ADMIN.email));
  await page.click("button[value=import]");
  await page.waitForSelector("text=Import finished");
  expect(await page.textContent(".kpis")).toContain("24");
  for (const [type, text] of [
    ["orders", ordersCsv()],
    ["invoices", invoicesCsv()],
    ["opportunities", opportunitiesCsv()],
  ] as const) {
    await upload(type, `${type}.csv`, text);
    await page.click("button[value=import]");
    await page.waitForSelector("text=Import finished");
    expect(await page.locator("table tr.overdue").count(), type).toBe(0);
  }
});

it("regrades and shows the pyramid, the Pareto curve and the watchlists", async () => {
  await go("/admin/import");
  await page.click("text=Regrade now");
  await page.waitForSelector("text=Regraded 24 customers");
  await go("/admin");
  const pyramid = page.locator("svg[aria-label^='Customer pyramid']");
  expect(await pyramid.count()).toBe(1);
  expect(await page.textContent("main")).toMatch(/The top 20 % of customers bring \d+ % of revenue/);
  expect(await page.textContent("main")).toContain("Credit watchlist");
  await shot("en-dashboard");
  // The README's picture is taken from the demo by hand; the suite never rewrites tracked files.
  await page.screenshot({ path: `${SHOTS}/readme-dashboard.png`, fullPage: false });
});

it("explains a customer's tier", async () => {
  await go("/admin/customers?sort=-score");
  await shot("en-customers");
  await page.click("table tbody tr:first-child td:first-child a");
  await page.waitForSelector("text=Why this tier");
  const criteria = await page.locator("section[aria-labelledby=why-h] tbody tr").allTextContents();
  expect(criteria.length).toBeGreaterThanOrEqual(4);
  expect(criteria.join(" ")).toContain("Order amount");
  expect(await page.textContent("main")).toContain("Every model");
  await shot("en-customer");
  // The <script> customer is shown as text.
  await go("/admin/customers?q=script");
  expect(await page.textContent("table")).toContain("<script>alert(1)</script>");
});

it("Today lists my follow-ups due; Log call there logs it, says so, and the customer leaves the list", async () => {
  await go("/admin/today");
  await page.waitForSelector("h1:has-text('Today')");
  // The imported customers are mine (owner_email) and never contacted: due since the regrade.
  const calls = page.locator("section[aria-labelledby=due-h] button", { hasText: "Log call" });
  expect(await calls.count()).toBeGreaterThan(0);
  await shot("en-today");
  const first = calls.first();
  const label = (await first.getAttribute("aria-label")) ?? "";
  const name = label.replace("Log a follow-up call with ", "");
  expect(name.length).toBeGreaterThan(0);
  await first.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/admin\/today\?notice=interactionLogged&undo=[0-9a-f-]{36}$/);
  expect(await page.textContent("main")).toContain("Interaction logged.");
  const dueNames = () => page.locator("section[aria-labelledby=due-h] tbody td:first-child a").allTextContents();
  expect(await dueNames()).not.toContain(name);
  // A mis-click: Undo beside the notice (by keyboard) takes the call back, and the customer is due again.
  await page.getByTestId("undo-log").focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/admin\/today\?notice=interactionRemoved&undo=[0-9a-f-]{36}$/);
  expect(await dueNames()).toContain(name);
  await page.getByTestId("restore-log").click();
  await page.waitForURL(/\/admin\/today\?notice=interactionRestored$/);
  expect(await page.textContent("main")).toContain("Interaction restored.");
  expect(await dueNames()).not.toContain(name);
});

it("previews a changed weight before saving, then saves a new version", async () => {
  await go("/admin/scoring");
  await page.fill("input[name='scorecard.criteria.0.weight']", "50");
  await page.click("#scoring-actions button[value=preview]");
  expect(await page.textContent("main")).toContain("weights sum to 120");
  expect(await page.locator("#f-scorecard-criteria-0-weight").count()).toBe(1);
  await page.fill("input[name='scorecard.criteria.0.weight']", "45");
  await page.fill("input[name='scorecard.criteria.1.weight']", "15");
  await page.click("#scoring-actions button[value=preview]");
  await page.waitForSelector("text=Preview of the draft");
  expect(await page.locator("svg[aria-label^='Tier distribution']").count()).toBe(1);
  await shot("en-scoring-preview");
  await page.click("button[value=save]");
  await page.waitForURL(/notice=scoringSaved/);
  expect(await page.textContent("main")).toContain("Active configuration: version 2");
});

it("adds a manual criterion in the editor, rates a customer with it, and the regrade scores it", async () => {
  await go("/admin/scoring");
  await page.selectOption("select[name='new.kind']", "manual");
  await page.fill("input[name='new.id']", "relationship");
  await page.fill("input[name='new.label']", "Relationship");
  await page.fill("input[name='new.weight']", "10");
  await page.click("button[value=add-criterion]");
  await page.waitForSelector("input[name='scorecard.criteria.4.levels.0.id']");
  // Back from the server, the new criterion's id has the focus and the sum counts it.
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "scorecard.criteria.4.id");
  expect(await page.textContent("[data-weights-sum] output")).toBe("110");
  await page.click("button[value='add-level:4']");
  await page.click("button[value='add-level:4']");
  const levels = [
    ["close", "10"],
    ["senior", "6"],
    ["none", "0"],
  ];
  for (const [j, [id, points]] of levels.entries()) {
    await page.fill(`input[name='scorecard.criteria.4.levels.${j}.id']`, id as string);
    await page.fill(`input[name='scorecard.criteria.4.levels.${j}.points']`, points as string);
  }
  // The sum follows the typing (app.js), before any round trip.
  await page.fill("input[name='scorecard.criteria.0.weight']", "35");
  expect(await page.textContent("[data-weights-sum] output")).toBe("100");
  await page.click("#scoring-actions button[value=preview]");
  await page.waitForSelector("text=Preview of the draft");
  await shot("en-scoring-criterion");
  await page.click("button[value=save]");
  await page.waitForURL(/notice=scoringSaved/);
  expect(await page.inputValue("input[name='scorecard.criteria.4.levels.1.id']")).toBe("senior");
  await go("/admin/customers?sort=-score");
  await page.click("table tbody tr:first-child td:first-child a");
  const customerUrl = page.url();
  await page.selectOption("select[name='rating.relationship']", "close");
  await page.click("section[aria-labelledby=edit-h] button[type=submit]");
  await page.waitForURL(/notice=customerSaved/);
  await go("/admin/import");
  await page.click("text=Regrade now");
  await page.waitForSelector("text=Regraded 24 customers");
  await page.goto(customerUrl);
  const row = page.locator("section[aria-labelledby=why-h] tbody tr", { hasText: "Relationship" });
  expect(await row.textContent()).toContain("Close");
  expect(await row.locator("td.num").first().textContent()).toBe("10");
});

/** The focused element as a keyboard user sees it: what it is, whether it is on screen and outlined. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return {
      id: el.id,
      name: el.tagName === "BUTTON" ? "" : (el.getAttribute("name") ?? ""),
      text: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim(),
      shown: r.width > 2 && r.height > 2,
      outline: `${s.outlineStyle} ${s.outlineWidth}`,
      outlined: s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) >= 2,
    };
  });

/** Tabs through the page; every stop must be visible and outlined. Returns the stops' names or texts. */
async function tabThrough(stops: number) {
  const seen: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    // A date-time field takes focus into its inner parts a moment later; give its outline that moment.
    await page
      .waitForFunction(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle !== "none", null, {
        timeout: 500,
      })
      .catch(() => undefined);
    const f = await focused();
    if (!f) break;
    expect(f.shown, `stop ${i}: ${f.name || f.text}`).toBe(true);
    expect(f.outlined, `stop ${i}: ${f.name || f.text} (${f.outline})`).toBe(true);
    seen.push(f.name || f.text);
  }
  return seen;
}

it("works from the keyboard: skip link first, every stop visible and outlined, Enter previews", async () => {
  await page.bringToFront();
  for (const path of ["/admin/scoring", new URL(page.url()).pathname]) {
    await go(path);
    await page.keyboard.press("Tab");
    expect((await focused())?.text).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect((await focused())?.id).toBe("main");
  }
  // The customer page (we are on it): from the content, the edit form's rating and Save are reachable.
  const customerStops = await tabThrough(120);
  expect(customerStops).toContain("rating.relationship");
  expect(customerStops).toContain("Save");
  await go("/admin/scoring");
  const scoringStops = await tabThrough(400);
  const first = scoringStops.indexOf("scorecard.criteria.0.id");
  expect(first).toBeGreaterThan(0);
  expect(scoringStops.slice(first, first + 3)).toEqual([
    "scorecard.criteria.0.id",
    "scorecard.criteria.0.label",
    "scorecard.criteria.0.weight",
  ]);
  expect(scoringStops).toContain("Add level to Relationship");
  expect(scoringStops.at(-1)).toBe("Save and regrade");
  // Enter in a field submits with the form's default button: Preview, never a Remove.
  await page.focus("input[name='scorecard.criteria.0.weight']");
  await page.keyboard.press("Enter");
  await page.waitForSelector("text=Preview of the draft");
  expect(await page.locator("fieldset.criterion[id^=criterion-]").count()).toBe(5);
});

it("creates an API token shown once, then revokes it", async () => {
  await go("/admin/tokens");
  await page.fill("input[name=name]", "ERP sync");
  await page.click("text=Create token");
  const token = (await page.textContent("#new-token"))?.trim() ?? "";
  expect(token).toMatch(/^tl_/);
  const ok = await fetch(`${worker.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status).toBe(200);
  await shot("en-tokens");
  page.once("dialog", (d) => d.accept());
  await page.click("button[aria-label='Revoke: ERP sync']");
  await page.waitForURL(/notice=tokenRevoked/);
  expect(await page.content()).not.toContain(token);
  const revoked = await fetch(`${worker.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(revoked.status).toBe(401);
});

it("makes a pairing code and shows the server URL", async () => {
  await go("/admin/connect");
  await page.click('button:has-text("Make a pairing code")');
  const code = (await page.textContent("#pairing-code"))?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  expect(await page.textContent("#server-url")).toContain(worker.url);
  await shot("en-connect");
  const paired = await fetch(`${worker.url}/api/v1/pair`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code }),
  });
  expect(paired.status).toBe(200);
});

it("speaks Chinese after the switch, and screenshots the main pages in both languages", async () => {
  for (const path of ["/admin/people", "/admin/audit", "/admin/import"]) {
    await go(path);
    await shot(`en-${path.split("/").pop()}`);
  }
  await go("/admin");
  await page.click("a[lang=zh-CN]");
  await page.waitForURL(/\/admin$/);
  expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
  expect(await page.textContent("main")).toContain("客户金字塔");
  await shot("zh-dashboard");
  const pages: [string, string][] = [
    ["/admin/customers?sort=-score", "zh-customers"],
    ["/admin/scoring", "zh-scoring"],
    ["/admin/import", "zh-import"],
    ["/admin/people", "zh-people"],
    ["/admin/tokens", "zh-tokens"],
    ["/admin/connect", "zh-connect"],
    ["/admin/audit", "zh-audit"],
    ["/admin/account", "zh-account"],
  ];
  for (const [path, name] of pages) {
    await go(path);
    await shot(name);
  }
  await go("/admin/scoring");
  await page.fill("input[name='scorecard.criteria.4.levels.0.id']", "Close!");
  await page.click("#scoring-actions button[value=preview]");
  // zod's and the configuration's problems, in Chinese, each with the path of its field.
  expect(await page.textContent("#problems")).toContain("只能使用小写字母、数字和下划线");
  expect(await page.textContent("#problems")).toContain("scorecard.criteria.4.levels.0.id");
  await shot("zh-scoring-problems");
  await go("/admin/customers?sort=-score");
  await page.click("table tbody tr:first-child td:first-child a");
  await page.waitForSelector("text=评级依据");
  await shot("zh-customer");
  await page.setViewportSize({ width: 390, height: 844 });
  await go("/admin");
  await shot("zh-dashboard-mobile");
  await page.setViewportSize({ width: 1280, height: 900 });
});

it("fits a 390 px phone in both languages: dashboard, today, customers and audit scroll their tables, not the page", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    for (const lang of ["zh-CN", "en"]) {
      await go("/admin");
      await page.click(`a[lang=${lang}]`);
      await page.waitForURL(/\/admin$/);
      for (const path of ["/admin", "/admin/today", "/admin/customers?sort=-score", "/admin/audit"]) {
        await go(path);
        const fit = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
          // Every table is wider than the phone here; each must sit in a container that scrolls.
          unscrolled: [...document.querySelectorAll("table")].filter(
            (t) =>
              t.getBoundingClientRect().right > innerWidth &&
              getComputedStyle(t.parentElement as Element).overflowX !== "auto",
          ).length,
        }));
        expect(fit, `${lang} ${path}`).toEqual({ page: fit.view, view: fit.view, unscrolled: 0 });
      }
      await go("/admin/customers?sort=-score");
      await shot(`${lang === "en" ? "en" : "zh"}-customers-mobile`);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

it("shows the dashboard's, the customer list's and a customer's tables whole on a laptop screen, in both languages", async () => {
  await go("/admin/customers?sort=-score");
  const customer = await page.locator("table tbody tr:first-child td:first-child a").getAttribute("href");
  try {
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      for (const lang of ["zh-CN", "en"]) {
        await go("/admin");
        await page.click(`a[lang=${lang}]`);
        await page.waitForURL(/\/admin$/);
        for (const [path, least] of [
          ["/admin", 3],
          ["/admin/customers?followUp=week", 1],
          ["/admin/today", 1],
          [customer, 4],
        ] as const) {
          await go(String(path));
          // A table wider than its card scrolls sideways inside it: on a laptop, that hides columns (the reasons).
          const clipped = await page.evaluate(() =>
            [...document.querySelectorAll("main .table-wrap")]
              .filter((w) => w.scrollWidth > w.clientWidth + 1)
              .map((w) => w.closest("section")?.querySelector("h2")?.textContent ?? "?"),
          );
          expect(
            await page.locator("main .table-wrap table").count(),
            `${width} ${lang} ${path}`,
          ).toBeGreaterThanOrEqual(least);
          expect(clipped, `${width} px, ${lang}, ${path}`).toEqual([]);
        }
      }
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});
