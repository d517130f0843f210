// End-to-end harness: a fresh local worker (own D1 state) and headless Debian Chromium, optionally with the built extension.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../../scripts/lib/chromium";
import { applyLocalMigrations, freePort, type RunningWorker, startWorker } from "../../scripts/lib/worker-process";

export { CHROMIUM_PATH as CHROMIUM, waitUntil } from "../../scripts/lib/chromium";
export const EXTENSION_DIR = resolve("extension/.output/chrome-mv3");
export const OPERATOR_TOKEN = "e2e-operator-token";

export interface TestWorker extends RunningWorker {
  stateDir: string;
  operatorToken: string;
}

/** Starts a worker on a free port with a fresh D1 in a temp folder, migrations applied. */
export async function startTestWorker(): Promise<TestWorker> {
  const stateDir = await mkdtemp(join(tmpdir(), "tierlens-e2e-"));
  await applyLocalMigrations(stateDir);
  const worker = await startWorker({ port: await freePort(), persistTo: stateDir, vars: { OPERATOR_TOKEN } });
  return {
    ...worker,
    stateDir,
    operatorToken: OPERATOR_TOKEN,
    async stop() {
      await worker.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** Creates a workspace through the API and returns the admin's token. */
export async function createWorkspace(
  worker: TestWorker,
  name = "E2E Co.",
  admin = { email: `admin-${Date.now()}@e2e.test`, name: "Admin", password: "correct horse battery" },
): Promise<{ token: string; workspaceId: string; admin: typeof admin }> {
  const res = await fetch(`${worker.url}/api/v1/workspaces`, {
    method: "POST",
    headers: { Authorization: `Bearer ${worker.operatorToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name, admin }),
  });
  if (res.status !== 201) throw new Error(`workspace creation failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; workspace: { id: string } };
  return { token: body.token, workspaceId: body.workspace.id, admin };
}

/** JSON API call with a bearer token; throws with the body on a non-2xx answer unless `allowError`. */
export async function apiCall<T = unknown>(
  worker: { url: string },
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${worker.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface TestBrowser {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile; with `extension: true` the built extension is loaded. */
export async function launchBrowser(
  options: { extension?: boolean; userDataDir?: string; locale?: string } = {},
): Promise<TestBrowser> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), "tierlens-chromium-")));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions(options.extension ? EXTENSION_DIR : undefined),
    locale: options.locale ?? "en-US",
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
