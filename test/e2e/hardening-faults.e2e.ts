// Faults, nothing lost (issue #8 §9): a big import with the worker's process group killed mid-write, restarted on the
// same D1 state and re-run → every row exactly once; 1,000 interactions logged from the extension while the worker
// is down, with the service worker stopped and the browser restarted in between → exactly 1,000 rows, no duplicate;
// the same client id with another body → 422 and the original kept.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../../scripts/lib/chromium";
import { buildE2eExtension, E2E_EXTENSION_DIR, RestartableWorker } from "./extension-env";
import { apiCall, createWorkspace } from "./harness";

const run = promisify(execFile);
const ORDERS = 20_000;
const LOGS = 1_000;
const CONTACT = "ana.lopes@example.org";
const figures = {
  faultsInjected: 0,
  importRowsLost: 0,
  interactionRowsLost: 0,
  duplicates: 0,
  importCreatedOnRerun: -1,
  /** Wall time to queue the offline logs (25 messages in flight), and to drain 1,000 once the worker is back. */
  enqueueMs: { first400: 0, next300: 0, last300: 0 },
  drainMs: 0,
};
const started = Date.now();
const mark = (what: string) => console.log(`faults +${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);

let worker: RestartableWorker;
let token: string;

beforeAll(async () => {
  buildE2eExtension();
  worker = await RestartableWorker.create();
  token = (await createWorkspace(worker.asTestWorker())).token;
  const customers = Array.from({ length: 50 }, (_, i) => ({
    externalId: `C${i}`,
    name: `Customer ${i}`,
    domains: [`c${i}.example`],
  }));
  await apiCall(worker, token, "POST", "/api/v1/import/customers", customers);
  await apiCall(worker, token, "POST", "/api/v1/import/contacts", [
    { customerExternalId: "C0", name: "Ana Lopes", email: CONTACT },
  ]);
});

afterAll(async () => {
  console.log(`faults: ${JSON.stringify(figures)}`);
  await worker?.dispose();
});

/** One SQL query against the worker's local D1 (read with wrangler, as a second process would). */
async function d1<T>(sql: string): Promise<T[]> {
  const { stdout } = await run(
    "node_modules/.bin/wrangler",
    ["d1", "execute", "DB", "--local", "--persist-to", worker.stateDir, "--json", "--command", sql],
    { env: { ...process.env, CI: "1", NO_COLOR: "1", WRANGLER_SEND_METRICS: "false" }, maxBuffer: 10_000_000 },
  );
  const parsed = JSON.parse(stdout) as { results: T[] }[];
  return parsed[0]?.results ?? [];
}

/** SIGKILL to wrangler's whole process group (workerd included): no shutdown, no flush, like a crash. */
function killWorker() {
  const pid = worker.running?.process.pid;
  if (pid === undefined) throw new Error("worker not running");
  process.kill(-pid, "SIGKILL");
  worker.running = null;
  figures.faultsInjected++;
}

const ordersCsv = () => {
  const lines = ["external_id,customer_external_id,date,amount,cost,product,quantity"];
  for (let i = 0; i < ORDERS; i++)
    lines.push(`ORD-${i},C${i % 50},2026-0${(i % 9) + 1}-1${i % 10},${(i % 997) + 0.5},1,Widget ${i % 13},${i % 7}`);
  return `${lines.join("\n")}\n`;
};
const expectedSum = () => {
  let minor = 0;
  for (let i = 0; i < ORDERS; i++) minor += ((i % 997) + 0.5) * 100;
  return minor;
};

async function importOrders(): Promise<Response> {
  return fetch(`${worker.url}/api/v1/import/orders`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
    body: ordersCsv(),
  });
}

describe("an import killed mid-way", () => {
  it(`re-run after ${2} kills stores each of ${ORDERS.toLocaleString("en")} orders exactly once`, async () => {
    for (const delayMs of [700, 1500]) {
      const pending = importOrders().then(
        (r) => r.status,
        () => "killed",
      );
      await new Promise((r) => setTimeout(r, delayMs));
      killWorker();
      await pending;
      await worker.start();
    }
    const res = await importOrders();
    expect(res.status).toBe(200);
    const result = (await res.json()) as { created: number; updated: number; unchanged: number; errors: unknown[] };
    expect(result.errors).toEqual([]);
    expect(result.created + result.updated + result.unchanged).toBe(ORDERS);
    // Some chunks were committed before the kills (the re-run found them), so the kills did land mid-import.
    figures.importCreatedOnRerun = result.created;
    const again = (await (await importOrders()).json()) as { created: number; unchanged: number };
    expect(again).toMatchObject({ created: 0, unchanged: ORDERS });
    await worker.stop();
    const [row] = await d1<{ n: number; d: number; s: number }>(
      "SELECT count(*) AS n, count(DISTINCT external_id) AS d, sum(amount) AS s FROM orders",
    );
    await worker.start();
    figures.importRowsLost = ORDERS - (row?.d ?? 0);
    figures.duplicates += (row?.n ?? 0) - (row?.d ?? 0);
    expect(row).toEqual({ n: ORDERS, d: ORDERS, s: expectedSum() });
  });
});

// ---------- the extension ----------

interface Browser {
  context: BrowserContext;
  extensionId: string;
}

async function launch(userDataDir: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext(userDataDir, { ...chromiumLaunchOptions(E2E_EXTENSION_DIR) });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  return { context, extensionId: new URL(sw.url()).host };
}

/** Logs `n` interactions through the background's message router, as the popup's Log button does. */
async function logFromExtension(b: Browser, from: number, n: number) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/card.html#email=x%40example.com`);
  await page.evaluate(
    async ([email, start, count]) => {
      for (let i = start; i < start + count; i += 25) {
        const batch = [];
        for (let j = i; j < Math.min(i + 25, start + count); j++) {
          batch.push(
            chrome.runtime.sendMessage({ type: "log", item: { email, kind: "call", summary: `offline-run #${j}` } }),
          );
        }
        const answers = await Promise.all(batch);
        if (answers.some((a) => !a || typeof (a as { id?: unknown }).id !== "string"))
          throw new Error(`log refused: ${JSON.stringify(answers)}`);
      }
    },
    [CONTACT, from, n] as const,
  );
  await page.close();
}

/** The stored outbox: one `outbox:q:<seq>` key per item, the badge count in `outbox:meta` (extension/lib/outbox.ts). */
async function outbox(b: Browser): Promise<{ items: { body: { id: string } }[]; failed: unknown[]; pending: number }> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/card.html#email=x%40example.com`);
  const all = (await page.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
  await page.close();
  const items = Object.keys(all)
    .filter((k) => k.startsWith("outbox:q:"))
    .map((k) => all[k] as { body: { id: string } });
  const meta = all["outbox:meta"] as { count?: number } | undefined;
  return { items, failed: (all["outbox:failed"] as unknown[] | undefined) ?? [], pending: meta?.count ?? 0 };
}

async function stopServiceWorker(b: Browser) {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send("Target.getTargets")) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  for (const t of targetInfos) {
    if (t.type === "service_worker" && t.url.startsWith(`chrome-extension://${b.extensionId}/`))
      await cdp.send("Target.closeTarget", { targetId: t.targetId });
  }
  await page.close();
  figures.faultsInjected++;
}

describe(`${LOGS.toLocaleString("en")} interactions logged while the worker is down`, () => {
  let userDataDir: string;
  let browser: Browser;

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), "tierlens-faults-chromium-"));
  });

  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  });

  it("survive a stopped service worker and a browser restart, and arrive exactly once", async () => {
    browser = await launch(userDataDir);
    const firstId = browser.extensionId;
    const sw = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent("serviceworker"));
    await sw.evaluate(([serverUrl, t]) => chrome.storage.local.set({ connection: { serverUrl, token: t } }), [
      worker.url,
      token,
    ] as const);
    await worker.stop();
    figures.faultsInjected++;

    mark("worker down");
    let t = Date.now();
    await logFromExtension(browser, 0, 400);
    figures.enqueueMs.first400 = Date.now() - t;
    mark("400 logged");
    expect(await outbox(browser)).toMatchObject({ items: { length: 400 }, pending: 400 });
    await stopServiceWorker(browser);
    t = Date.now();
    await logFromExtension(browser, 400, 300); // the message wakes a fresh service worker
    figures.enqueueMs.next300 = Date.now() - t;
    expect(await outbox(browser)).toMatchObject({ items: { length: 700 }, pending: 700 });

    mark("700 logged");
    await browser.context.close(); // the browser quits with everything still queued
    figures.faultsInjected++;
    browser = await launch(userDataDir);
    expect(browser.extensionId).toBe(firstId);
    mark("browser restarted");
    t = Date.now();
    await logFromExtension(browser, 700, 300);
    figures.enqueueMs.last300 = Date.now() - t;
    const queued = await outbox(browser);
    expect(queued.items).toHaveLength(LOGS);
    expect(queued.pending).toBe(LOGS);
    expect(new Set(queued.items.map((i) => i.body.id)).size).toBe(LOGS);

    mark("1000 logged");
    await worker.start();
    mark("worker up");
    await stopServiceWorker(browser); // as Chrome does to an idle one; the next alarm or message wakes it and flushes
    t = Date.now();
    const deadline = Date.now() + 120_000;
    for (;;) {
      const state = await outbox(browser);
      if (state.items.length === 0) {
        expect(state).toMatchObject({ failed: [], pending: 0 });
        break;
      }
      if (Date.now() > deadline) throw new Error(`outbox still holds ${state.items.length}`);
      await new Promise((r) => setTimeout(r, 1500));
    }

    figures.drainMs = Date.now() - t;
    mark("outbox drained");
    await worker.stop();
    const [row] = await d1<{ n: number; d: number; s: number }>(
      "SELECT count(*) AS n, count(DISTINCT id) AS d, count(DISTINCT summary) AS s FROM interactions WHERE summary LIKE 'offline-run #%'",
    );
    const [sample] = await d1<{ id: string; summary: string }>(
      "SELECT id, summary FROM interactions WHERE summary = 'offline-run #500'",
    );
    await worker.start();
    figures.interactionRowsLost = LOGS - (row?.s ?? 0);
    figures.duplicates += (row?.n ?? 0) - (row?.s ?? 0);
    expect(row).toEqual({ n: LOGS, d: LOGS, s: LOGS });

    // The same client id with another body: 422, and the stored interaction is still the original.
    const conflict = await fetch(`${worker.url}/api/v1/interactions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        id: sample?.id,
        email: CONTACT,
        kind: "call",
        occurredAt: new Date().toISOString(),
        summary: "rewritten",
      }),
    });
    expect(conflict.status).toBe(422);
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe("idempotency_conflict");
    await worker.stop();
    const [kept] = await d1<{ summary: string; n: number }>(
      `SELECT summary, count(*) AS n FROM interactions WHERE id = '${sample?.id}'`,
    );
    await worker.start();
    expect(kept).toEqual({ summary: "offline-run #500", n: 1 });
  });
});

declare const chrome: {
  storage: { local: { set(v: unknown): Promise<void>; get(k: string | null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};
