// The popup from the keyboard in real Chromium: the shortcut is really assigned (Chrome drops a suggested key that
// clashes with its own), the popup opened the way the shortcut opens it (action.openPopup) lands on the log form's
// kind with a visible focus ring, arrows pick a kind, Enter logs once; in a tab, Tab order and Enter from the address.
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildE2eExtension,
  createSeededWorkspace,
  type ExtensionBrowser,
  launchExtensionBrowser,
  RestartableWorker,
} from "./extension-env";
import { apiCall, waitUntil } from "./harness";

const GMAIL = "https://mail.google.com/mail/u/0/#inbox/FMfcgzTESTthreadKEY";

let worker: RestartableWorker;
let browser: ExtensionBrowser;
let token: string;

beforeAll(async () => {
  buildE2eExtension();
  worker = await RestartableWorker.create();
  token = await createSeededWorkspace(worker);
  browser = await launchExtensionBrowser();
  const html = (await import("node:fs")).readFileSync("test/fixtures/gmail/thread-and-list.html", "utf8");
  await browser.context.route("https://mail.google.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  const sw = await browser.serviceWorker();
  await sw.evaluate(
    ([serverUrl, apiToken]) => chrome.storage.local.set({ connection: { serverUrl, token: apiToken } }),
    [worker.url, token],
  );
});

afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
});

/** Interactions on Example Org (ana.lopes@example.org's customer) with this summary. */
async function interactions(summary: string): Promise<{ summary: string; kind: string; direction: string | null }[]> {
  const list = await apiCall<{ items: { id: string; name: string }[] }>(
    worker,
    token,
    "GET",
    "/api/v1/customers?q=Example%20Org",
  );
  const id = list.items.find((c) => c.name === "Example Org")!.id;
  const detail = await apiCall<{ interactions: { summary: string; kind: string; direction: string | null }[] }>(
    worker,
    token,
    "GET",
    `/api/v1/customers/${id}`,
  );
  return detail.interactions.filter((i) => i.summary === summary);
}

/**
 * The action popup is not a Playwright page: drive it over CDP (attached through the browser session). Only what
 * the tests need: evaluate in the page, and keys as the keyboard sends them (keydown, char, keyup).
 */
class PopupDriver {
  private next = 0;
  private readonly pending = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on("Target.receivedMessageFromTarget", (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== this.sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (m.id !== undefined) this.pending.get(m.id)?.(m);
    });
  }

  static async open(): Promise<PopupDriver> {
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    const find = async () => {
      const { targetInfos } = (await cdp.send("Target.getTargets")) as {
        targetInfos: { targetId: string; url: string }[];
      };
      return targetInfos.find((t) => t.url.startsWith(`chrome-extension://${browser.extensionId}/popup.html`));
    };
    const sw = await browser.serviceWorker();
    await sw.evaluate(() => chrome.action.openPopup());
    const target = await waitUntil("the action popup", find, (t) => t !== undefined);
    const { sessionId } = (await cdp.send("Target.attachToTarget", {
      targetId: target!.targetId,
      flatten: false,
    })) as { sessionId: string };
    return new PopupDriver(cdp, sessionId);
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<{ result?: unknown; error?: unknown }> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      void this.cdp.send("Target.sendMessageToTarget", {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  }

  async eval<T>(expression: string): Promise<T> {
    const m = (await this.call("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true })) as {
      result?: { result: { value: T } };
    };
    return m.result!.result.value;
  }

  async waitFor(expression: string, what: string): Promise<void> {
    await waitUntil(
      what,
      () => this.eval<boolean>(`Boolean(${expression})`),
      (v) => v,
    );
  }

  async press(key: "Enter" | "ArrowLeft" | "ArrowRight" | "Tab"): Promise<void> {
    const codes = { Enter: 13, ArrowLeft: 37, ArrowRight: 39, Tab: 9 } as const;
    const base = { key, code: key, windowsVirtualKeyCode: codes[key], nativeVirtualKeyCode: codes[key] };
    const text = key === "Enter" ? { text: "\r", unmodifiedText: "\r" } : key === "Tab" ? { text: "\t" } : {};
    await this.call("Input.dispatchKeyEvent", { type: text.text ? "keyDown" : "rawKeyDown", ...base, ...text });
    await this.call("Input.dispatchKeyEvent", { type: "keyUp", ...base });
  }

  async close(): Promise<void> {
    await this.eval("window.close(), true").catch(() => undefined);
    await this.cdp.detach().catch(() => undefined);
  }
}

const FOCUSED = `(() => { const a = document.activeElement;
  return { tag: a?.tagName, name: a?.getAttribute("name"), type: a?.getAttribute("type"), value: a?.value ?? null,
    checked: a?.checked ?? null, ring: !!a?.matches(":focus-visible") && getComputedStyle(a).outlineStyle !== "none" }; })()`;

interface Focused {
  tag: string;
  name: string | null;
  type: string | null;
  value: string | null;
  checked: boolean | null;
  ring: boolean;
}

describe("popup from the keyboard", () => {
  it("the shortcut that opens the popup is really assigned, and the popup names it", async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html?mode=log`);
    const commands = await page.evaluate(() => chrome.commands.getAll());
    const action = commands.find((c) => c.name === "_execute_action");
    expect(action?.shortcut, "Chrome leaves a clashing suggested key unassigned").toBe("Alt+Shift+L");
    await page.getByTestId("shortcut").waitFor();
    expect(await page.getByTestId("shortcut").textContent()).toBe("Shortcut: Alt+Shift+L");
    await page.close();
  });

  it("opened on a webmail thread: focus on the kind, arrows pick one, Enter logs it once", async () => {
    const mail = await browser.context.newPage();
    await mail.goto(GMAIL);
    await mail.locator('[data-tierlens-chip="ana.lopes@example.org"]').first().waitFor({ state: "attached" });
    const title = `Keyboard log ${Date.now()}`;
    await mail.evaluate((t) => {
      document.title = t;
    }, title);
    await mail.bringToFront();
    const popup = await PopupDriver.open();
    try {
      await popup.waitFor(`document.querySelector("form input[type=email]")?.value`, "the detected address");
      expect(await popup.eval<string>(`document.querySelector("form input[type=email]").value`)).toBe(
        "ana.lopes@example.org",
      );
      await popup.waitFor(`document.activeElement?.name === "kind"`, "initial focus on the kind");
      expect(await popup.eval<Focused>(FOCUSED)).toMatchObject({
        name: "kind",
        value: "note",
        checked: true,
        ring: true,
      });
      // note → wechat → meeting → visit → call, as a radio group does with the left arrow.
      for (let i = 0; i < 4; i++) await popup.press("ArrowLeft");
      expect(await popup.eval<Focused>(FOCUSED)).toMatchObject({
        name: "kind",
        value: "call",
        checked: true,
        ring: true,
      });
      await popup.press("Enter");
      await popup.waitFor(
        `document.querySelector("form [role=status]")?.textContent.startsWith("Queued")`,
        "the queued status",
      );
      const stored = await waitUntil(
        "the log on the worker",
        () => interactions(title),
        (l) => l.length > 0,
      );
      expect(stored).toEqual([expect.objectContaining({ kind: "call", summary: title })]);
    } finally {
      await popup.close();
      await mail.close();
    }
  });

  it("in a tab (context-menu window): Tab goes kind → direction → address → summary → Log it, each with a ring; Enter in the address logs", async () => {
    const summary = `Tab order ${Date.now()}`;
    const params = new URLSearchParams({
      mode: "log",
      email: "ana.lopes@example.org",
      url: GMAIL,
      title: "Thread",
      summary,
    });
    const page: Page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html?${params}`);
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === "kind");
    const focused = () => page.evaluate(new Function(`return ${FOCUSED}`) as () => Focused);
    expect(await focused()).toMatchObject({ name: "kind", value: "note", ring: true });
    await page.keyboard.press("ArrowRight"); // wraps to the first kind
    expect(await focused()).toMatchObject({ name: "kind", value: "email", checked: true });
    // An email has a direction (a note has none): outgoing unless picked; arrows pick incoming.
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ name: "direction", value: "out", checked: true, ring: true });
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toMatchObject({ name: "direction", value: "in", checked: true });
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ name: "email", ring: true });
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ tag: "TEXTAREA", name: "summary", ring: true });
    await page.keyboard.press("Enter"); // a new line in the summary, not a log
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ tag: "BUTTON", ring: true });
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toMatchObject({ name: "email" });
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Queued" }).waitFor();
    const stored = await waitUntil(
      "the log on the worker",
      () => interactions(`${summary}`),
      (l) => l.length > 0,
    );
    expect(stored).toEqual([expect.objectContaining({ kind: "email", direction: "in", summary })]);
    await page.close();
  });

  it("lists my follow-ups due; Log call there logs it once, and the popup opened again no longer lists it", async () => {
    const me = await apiCall<{ user: { id: string } }>(worker, token, "GET", "/api/v1/me");
    const list = await apiCall<{ items: { id: string; name: string }[] }>(worker, token, "GET", "/api/v1/customers");
    const com = list.items.find((c) => c.name === "Example Com")!;
    // Never contacted, so due since the regrade; made mine (the popup lists the caller's own).
    await apiCall(worker, token, "PATCH", `/api/v1/customers/${com.id}`, { ownerId: me.user.id });
    const page: Page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const row = page.getByTestId("due").filter({ hasText: "Example Com" });
    await row.waitFor();
    // Nothing on this page to log: the follow-ups come before the log form.
    expect(
      await page.evaluate(
        () => (document.querySelector("#due-h")?.compareDocumentPosition(document.querySelector("form")!) ?? 0) & 4,
      ),
    ).toBe(4);
    expect(await row.locator(".muted, .late").first().textContent()).toBe("due today");
    const dueIds = async () =>
      (
        await apiCall<{ items: { id: string }[] }>(
          worker,
          token,
          "GET",
          `/api/v1/customers?owner=me&followUpBy=${new Date().toISOString().slice(0, 10)}`,
        )
      ).items.map((c) => c.id);
    // The toolbar badge counts them, and its tooltip says what the number is.
    const badge = () => page.evaluate(() => Promise.all([chrome.action.getBadgeText({}), chrome.action.getTitle({})]));
    const before = (await dueIds()).length;
    expect(before).toBeGreaterThan(0);
    // No email waiting for my reply yet: the badge's number is the follow-ups alone (the next test adds one).
    expect(await replyIds()).toEqual([]);
    await waitUntil("the due count on the badge", badge, ([text]) => text === String(before));
    expect((await badge())[1]).toBe(
      before === 1 ? "Tierlens: 1 follow-up due today" : `Tierlens: ${before} follow-ups due today`,
    );
    await row.getByRole("button", { name: "Log a follow-up call with Example Com" }).click();
    await row.getByRole("status").filter({ hasText: "Logged" }).waitFor();
    await waitUntil("the follow-up call on the worker", dueIds, (ids) => !ids.includes(com.id));
    // Once the call is stored, the badge counts one follow-up fewer (blank at none).
    const after = before - 1;
    await waitUntil("the badge counting one fewer", badge, ([text]) => text === (after === 0 ? "" : String(after)));
    const detail = await apiCall<{ interactions: { summary: string; kind: string }[] }>(
      worker,
      token,
      "GET",
      `/api/v1/customers/${com.id}`,
    );
    expect(detail.interactions.filter((i) => i.summary === "Follow-up call")).toEqual([
      expect.objectContaining({ kind: "call" }),
    ]);
    await page.reload();
    await page.getByText("No follow-up due today.").waitFor();
    expect(await page.getByTestId("due").count()).toBe(0);
    await page.close();
  });

  it("lists an email waiting for my reply above the follow-ups; Log reply answers it, and the badge counts it until then", async () => {
    const me = await apiCall<{ user: { id: string } }>(worker, token, "GET", "/api/v1/me");
    const list = await apiCall<{ items: { id: string; name: string }[] }>(worker, token, "GET", "/api/v1/customers");
    const corp = list.items.find((c) => c.name === "Corp Example")!;
    await apiCall(worker, token, "PATCH", `/api/v1/customers/${corp.id}`, { ownerId: me.user.id });
    // Their question arrives (logged by the API as the mail add-in would): a reply is now due.
    await apiCall(worker, token, "POST", "/api/v1/interactions", {
      id: crypto.randomUUID(),
      customerId: corp.id,
      kind: "email",
      direction: "in",
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      summary: "Can you confirm the delivery date?",
    });
    await waitUntil("the reply due on the worker", replyIds, (ids) => ids.includes(corp.id));
    const dueNow = (
      await apiCall<{ items: unknown[] }>(
        worker,
        token,
        "GET",
        `/api/v1/customers?owner=me&followUpBy=${new Date().toISOString().slice(0, 10)}`,
      )
    ).items.length;
    const page: Page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const row = page.getByTestId("reply").filter({ hasText: "Corp Example" });
    await row.waitFor();
    expect(await row.locator(".muted, .late").first().textContent()).toMatch(/^Reply by /);
    // First on the page: the replies section comes before the follow-ups.
    expect(
      await page.evaluate(
        () => (document.querySelector("#reply-h")?.compareDocumentPosition(document.querySelector("#due-h")!) ?? 0) & 4,
      ),
    ).toBe(4);
    const badge = () => page.evaluate(() => Promise.all([chrome.action.getBadgeText({}), chrome.action.getTitle({})]));
    await waitUntil("the badge counting the reply", badge, ([text]) => text === String(dueNow + 1));
    expect((await badge())[1]).toContain("1 customer waiting for your reply");
    await row.getByRole("button", { name: "Log your reply to Corp Example" }).click();
    await row.getByRole("status").filter({ hasText: "Logged" }).waitFor();
    await waitUntil("the reply stored, nothing waiting", replyIds, (ids) => !ids.includes(corp.id));
    await waitUntil("the badge without the reply", badge, ([text]) => text === (dueNow === 0 ? "" : String(dueNow)));
    // A mis-click: Undo takes the reply back on the worker, so the email waits again and the badge counts it again.
    await row.getByRole("button", { name: "Undo: Log your reply to Corp Example" }).click();
    await row.getByRole("status").filter({ hasText: "Undone" }).waitFor();
    await waitUntil("the reply undone on the worker", replyIds, (ids) => ids.includes(corp.id));
    await waitUntil("the badge counting the reply again", badge, ([text]) => text === String(dueNow + 1));
    await row.getByRole("button", { name: "Log your reply to Corp Example" }).click();
    await waitUntil("the reply stored again", replyIds, (ids) => !ids.includes(corp.id));
    const detail = await apiCall<{ interactions: { summary: string; kind: string; direction: string | null }[] }>(
      worker,
      token,
      "GET",
      `/api/v1/customers/${corp.id}`,
    );
    expect(detail.interactions.filter((i) => i.summary === "Replied to their email")).toEqual([
      expect.objectContaining({ kind: "email", direction: "out" }),
    ]);
    await page.reload();
    await page.getByTestId("due").or(page.getByText("No follow-up due today.")).first().waitFor();
    expect(await page.getByTestId("reply").count()).toBe(0);
    await page.close();
  });
});

describe("side panel", () => {
  it("keeps the popup's content open beside the page and follows the tab the rep is on", async () => {
    const popup: Page = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId("open-panel").waitFor(); // the popup offers it…
    // Clicked, Chrome opens the side panel beside the tab and the popup closes.
    const closed = popup.waitForEvent("close", { timeout: 10_000 });
    await popup.getByTestId("open-panel").click();
    await closed;
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    const panels = async () =>
      ((await cdp.send("Target.getTargets")) as { targetInfos: { url: string }[] }).targetInfos.filter(
        (t) => t.url === `chrome-extension://${browser.extensionId}/sidepanel.html`,
      ).length;
    await waitUntil("Chrome's side panel to open", panels, (n) => n === 1);
    await cdp.detach();
    const panel: Page = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const address = panel.getByLabel("With (email)");
    await address.waitFor();
    expect(await panel.getByTestId("open-panel").count()).toBe(0); // …the panel needs no such button
    expect(await address.inputValue()).toBe(""); // the active tab is the panel's own page: nothing to log
    await panel.locator("#due-h").waitFor();
    // Its order never moves as the tabs change: the log form, then the day's lists (the popup puts them first here).
    expect(
      await panel.evaluate(
        () =>
          (document.querySelector("#log-title")?.compareDocumentPosition(document.querySelector("#due-h")!) ?? 0) & 4,
      ),
    ).toBe(4);
    const mail: Page = await browser.context.newPage();
    await mail.goto(GMAIL);
    await mail.locator("[data-tierlens-chip]").first().waitFor({ state: "attached" });
    await mail.bringToFront();
    await waitUntil(
      "the panel to follow the thread",
      () => address.inputValue(),
      (v) => v === "ana.lopes@example.org",
    );
    await panel.bringToFront();
    await waitUntil(
      "the panel to follow back",
      () => address.inputValue(),
      (v) => v === "",
    );
    await mail.close();
    await panel.close();
  });
});

/** My customers with an email waiting for my reply, as the API lists them. */
async function replyIds(): Promise<string[]> {
  const page = await apiCall<{ items: { id: string }[] }>(
    worker,
    token,
    "GET",
    "/api/v1/customers?owner=me&replyDue=true&sort=replyBy",
  );
  return page.items.map((c) => c.id);
}

declare const chrome: {
  storage: { local: { set(v: unknown): Promise<void> } };
  action: {
    openPopup(): Promise<void>;
    getBadgeText(d: object): Promise<string>;
    getTitle(d: object): Promise<string>;
  };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};
