// Shared set-up of the extension end-to-end files: e2e build, a restartable local worker, seeded customers, Chromium.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";
import { chromiumLaunchOptions } from "../../scripts/lib/chromium";
import { applyLocalMigrations, freePort, type RunningWorker, startWorker } from "../../scripts/lib/worker-process";
import { apiCall, createWorkspace, OPERATOR_TOKEN, type TestWorker } from "./harness";

/** `wxt build --mode e2e`: the production build plus host permission for http://127.0.0.1 (no prompt can be answered headless). */
export const E2E_EXTENSION_DIR = resolve("extension/.output/chrome-mv3-e2e");

export function buildE2eExtension(): void {
  if (process.env.TIERLENS_SKIP_BUILD === "1" && existsSync(join(E2E_EXTENSION_DIR, "manifest.json"))) return;
  execFileSync("node_modules/.bin/wxt", ["build", "extension", "--mode", "e2e"], { stdio: "inherit" });
}

/** A worker that can be stopped and started again on the same port and D1 state (the "server down" case). */
export class RestartableWorker {
  running: RunningWorker | null = null;
  private constructor(
    readonly port: number,
    readonly stateDir: string,
  ) {}

  static async create(): Promise<RestartableWorker> {
    const stateDir = await mkdtemp(join(tmpdir(), "tierlens-ext-e2e-"));
    await applyLocalMigrations(stateDir);
    const w = new RestartableWorker(await freePort(), stateDir);
    await w.start();
    return w;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.running = await startWorker({ port: this.port, persistTo: this.stateDir, vars: { OPERATOR_TOKEN } });
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.stateDir, { recursive: true, force: true });
  }

  asTestWorker(): TestWorker {
    return {
      ...(this.running as RunningWorker),
      url: this.url,
      stateDir: this.stateDir,
      operatorToken: OPERATOR_TOKEN,
    };
  }
}

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** Three customers behind the fixtures' senders: a big payer, a middle one, and one with a long-overdue invoice. */
export async function seedCustomers(worker: { url: string }, token: string): Promise<void> {
  const post = (path: string, body: unknown) => apiCall(worker, token, "POST", path, body);
  await post("/api/v1/import/customers", [
    { externalId: "ORG", name: "Example Org", kind: "enterprise", domains: ["example.org"] },
    { externalId: "COM", name: "Example Com", kind: "enterprise", domains: ["example.com"] },
    { externalId: "CORP", name: "Corp Example", kind: "enterprise", domains: ["corp.example"] },
  ]);
  await post("/api/v1/import/contacts", [
    { customerExternalId: "ORG", name: "Ana Lopes", email: "ana.lopes@example.org", role: "decider" },
    { customerExternalId: "COM", name: "Bo Chen", email: "bo.chen@example.com" },
    { customerExternalId: "CORP", name: "Dana Idris", email: "dana.idris@corp.example" },
  ]);
  await post("/api/v1/import/orders", [
    { externalId: "O1", customerExternalId: "ORG", date: day(200), amount: 100000, cost: 60000 },
    { externalId: "O2", customerExternalId: "ORG", date: day(120), amount: 100000, cost: 60000 },
    { externalId: "O3", customerExternalId: "ORG", date: day(40), amount: 100000, cost: 60000 },
    { externalId: "O4", customerExternalId: "COM", date: day(150), amount: 30000, cost: 20000 },
    { externalId: "O5", customerExternalId: "COM", date: day(60), amount: 30000, cost: 20000 },
    { externalId: "O6", customerExternalId: "CORP", date: day(130), amount: 5000, cost: 4000 },
  ]);
  await post("/api/v1/import/invoices", [
    {
      externalId: "I1",
      customerExternalId: "ORG",
      dueDate: day(170),
      amount: 100000,
      paidDate: day(175),
      paidAmount: 100000,
    },
    {
      externalId: "I2",
      customerExternalId: "COM",
      dueDate: day(120),
      amount: 30000,
      paidDate: day(121),
      paidAmount: 30000,
    },
    { externalId: "I3", customerExternalId: "CORP", dueDate: day(100), amount: 5000 },
  ]);
  await post("/api/v1/regrade", {});
}

export async function createSeededWorkspace(worker: RestartableWorker): Promise<string> {
  const { token } = await createWorkspace(worker.asTestWorker());
  await seedCustomers(worker, token);
  return token;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Headless Chromium with the e2e build loaded; `serviceWorker()` returns the live background (waking it if needed). */
export async function launchExtensionBrowser(locale = "en-US"): Promise<ExtensionBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), "tierlens-ext-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions(E2E_EXTENSION_DIR),
    locale,
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    async serviceWorker() {
      const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return live.at(-1) ?? context.waitForEvent("serviceworker");
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Reads the extension's storage.local from an extension page (works while the service worker is stopped). */
export async function extensionStorage(browser: ExtensionBrowser, key: string): Promise<unknown> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/card.html#email=x%40example.com`);
  const value = await page.evaluate((k) => chrome.storage.local.get(k).then((r: Record<string, unknown>) => r[k]), key);
  await page.close();
  return value;
}

declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
