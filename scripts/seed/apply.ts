// Seeds "Demo Trading Co." through the HTTP API only: the workspace and its admin (reused while the saved token
// still works), a rep, every record type in dependency order, then a regrade (a fresh demo also a month back, for
// history). Running it again creates nothing.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { ImportResult } from "../../shared/contract/import";
import type { RegradeResult } from "../../shared/contract/regrade";
import { monthBefore } from "../../shared/dates";
import { DEMO_WORKSPACE_NAME, type DemoData, generateDemo } from "./generate";

export const DEMO_ADMIN_EMAIL = "admin@demo.tierlens.test";
export const DEMO_REP_EMAIL = "rep@demo.tierlens.test";
export const DEMO_STATE_PATH = ".wrangler/tierlens-demo.json";
const ORDER = ["customers", "contacts", "orders", "invoices", "opportunities", "interactions"] as const;

export interface SeedOptions {
  /** The day the demo leads up to and is graded as of (default today, UTC). */
  anchorDate?: string;
  /** Where the admin's token and the passwords are kept between runs. */
  statePath?: string;
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

export interface DemoLogins {
  workspaceId: string;
  admin: { email: string; password: string; token: string };
  /** Null when the users API is not there yet (the note is logged). */
  rep: { email: string; password: string } | null;
  /** A pairing code for the admin, to connect the extension (null when the route is missing). */
  pairingCode: string | null;
  imported: Record<(typeof ORDER)[number], ImportResult>;
  regrade: RegradeResult;
}

interface DemoState {
  workspaceId: string;
  token: string;
  adminPassword: string;
  repPassword?: string;
}

const newPassword = () => randomBytes(12).toString("base64url");

export async function seedDemo(baseUrl: string, operatorToken: string, options: SeedOptions = {}): Promise<DemoLogins> {
  const log = options.log ?? console.log;
  const statePath = options.statePath ?? DEMO_STATE_PATH;
  const anchorDate = options.anchorDate ?? new Date().toISOString().slice(0, 10);
  const api = client(baseUrl, options.fetch ?? fetch);

  let state = await readState(statePath);
  if (state && (await api("GET", "/me", state.token)).status !== 200) {
    log("The saved demo token is no longer accepted: creating the workspace anew.");
    state = null;
  }
  if (!state) state = await createWorkspace(api, operatorToken, statePath);
  else log(`Reusing the demo workspace ${state.workspaceId}.`);
  await writeState(statePath, state);

  const rep = await ensureRep(api, state, log);
  await writeState(statePath, state);

  const owners = rep ? [DEMO_ADMIN_EMAIL, DEMO_REP_EMAIL] : [DEMO_ADMIN_EMAIL];
  const data: DemoData = generateDemo({ anchorDate, owners });
  const imported = {} as DemoLogins["imported"];
  for (const type of ORDER) {
    const res = await api("POST", `/import/${type}`, state.token, data[type]);
    const result = (await res.json()) as ImportResult;
    if (res.status !== 200 || result.errors?.length) {
      throw new Error(`Importing demo ${type} failed (${res.status}): ${JSON.stringify(result).slice(0, 600)}`);
    }
    imported[type] = result;
    log(`${type}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
  }
  const regradeAsOf = async (asOf: string) => {
    const graded = await api("POST", "/regrade", state.token, { asOf });
    if (graded.status !== 200) throw new Error(`Regrading the demo failed (${graded.status}): ${await graded.text()}`);
    const result = (await graded.json()) as RegradeResult;
    log(`regrade as of ${asOf}: ${result.graded} graded, ${result.changed} changed in ${result.tookMs} ms`);
    return result;
  };
  // A fresh demo is graded a month back first, so it opens with history: the dashboard's grade migration shows who
  // moved, customers who fell a tier carry "grade dropped", and each customer's history has two points.
  if (imported.customers.created > 0) await regradeAsOf(monthBefore(anchorDate));
  const regrade = await regradeAsOf(anchorDate);

  const pairing = await api("POST", "/pairing-codes", state.token, {});
  const pairingCode = pairing.status < 300 ? ((await pairing.json()) as { code: string }).code : null;
  return {
    workspaceId: state.workspaceId,
    admin: { email: DEMO_ADMIN_EMAIL, password: state.adminPassword, token: state.token },
    rep,
    pairingCode,
    imported,
    regrade,
  };
}

type Api = (method: string, path: string, token: string, body?: unknown) => Promise<Response>;

function client(baseUrl: string, doFetch: typeof fetch): Api {
  return (method, path, token, body) =>
    doFetch(`${baseUrl.replace(/\/$/, "")}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

async function createWorkspace(api: Api, operatorToken: string, statePath: string): Promise<DemoState> {
  const adminPassword = newPassword();
  const res = await api("POST", "/workspaces", operatorToken, {
    name: DEMO_WORKSPACE_NAME,
    admin: { email: DEMO_ADMIN_EMAIL, name: "Demo Admin", password: adminPassword },
  });
  if (res.status === 409) {
    throw new Error(
      `${DEMO_ADMIN_EMAIL} already exists in the local database, but its token is not in ${statePath} ` +
        "(missing or revoked). Wipe the local database with `rm -rf .wrangler/state` and run `npm start` again.",
    );
  }
  if (res.status !== 201) throw new Error(`Creating the demo workspace failed (${res.status}): ${await res.text()}`);
  const body = (await res.json()) as { workspace: { id: string }; token: string };
  return { workspaceId: body.workspace.id, token: body.token, adminPassword };
}

async function ensureRep(api: Api, state: DemoState, log: (line: string) => void): Promise<DemoLogins["rep"]> {
  if (state.repPassword) return { email: DEMO_REP_EMAIL, password: state.repPassword };
  const password = newPassword();
  const res = await api("POST", "/users", state.token, {
    email: DEMO_REP_EMAIL,
    name: "Demo Rep",
    role: "rep",
    password,
  });
  if (res.status === 201) {
    state.repPassword = password;
    return { email: DEMO_REP_EMAIL, password };
  }
  log(
    res.status === 404
      ? "Note: POST /api/v1/users is not available yet; the demo has no rep login."
      : `Note: creating ${DEMO_REP_EMAIL} answered ${res.status}; the demo continues without a rep login.`,
  );
  return null;
}

async function readState(path: string): Promise<DemoState | null> {
  try {
    const state = JSON.parse(await readFile(path, "utf8")) as Partial<DemoState>;
    return state.token && state.workspaceId && state.adminPassword ? (state as DemoState) : null;
  } catch {
    return null;
  }
}

async function writeState(path: string, state: DemoState) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}
