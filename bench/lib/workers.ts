// Starts the app worker and the bench baseline worker on free ports over one persist folder, each from a bundle
// snapshot made at the start of the run (`wrangler deploy --dry-run --outdir`), so edits to the shared working tree
// cannot reload a worker mid-measurement. By default each runs straight on workerd through the miniflare API,
// configured from its wrangler.toml by wrangler itself. `wrangler dev` puts its proxy worker (a second workerd, one
// more HTTP hop: ≈ +1 ms per request here) in front, and the workerd it runs the worker in (inspector on) answered
// D1 requests ≈ 3 ms slower even when called directly — the bare baseline and the app alike. `runtime:
// "wrangler-dev"` keeps that path for comparison.
// Each runs as its own process group, registered for cleanup.
import { execFile, spawn } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../scripts/lib/worker-process";
import { track } from "./cleanup";
import { forget, remember } from "./stale";

/** Terminal colour codes in wrangler's output (ESC [ … m), stripped before quoting its error. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

const run = promisify(execFile);
const WRANGLER = "node_modules/.bin/wrangler";
const QUIET_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };
const START_TIMEOUT_MS = 90_000;

export const APP_CONFIG = "wrangler.toml";
export const BASELINE_CONFIG = "bench/baseline-worker/wrangler.toml";

export interface BenchWorker {
  url: string;
  stop(): Promise<void>;
  /** The last 8,000 characters the worker's process printed (why a request failed), and whether it has exited. */
  tail(): { output: string; exited: boolean };
}

/** "workerd": the bundle on workerd via miniflare, no proxy in front (the bench's default); "wrangler-dev": as before. */
export type Runtime = "workerd" | "wrangler-dev";

/**
 * The host process for "workerd": miniflare with the worker options wrangler derives from the config (compatibility
 * date and flags, D1 bindings, .dev.vars, module rules), the bundle as the script, wrangler's persist layout
 * (<persistTo>/v3, so the same SQLite file as `wrangler d1 migrations apply --persist-to`). ESM resolved from cwd.
 */
const WORKERD_HOST = `
import { dirname, join } from "node:path";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
const [config, bundle, persistTo, port, vars] = process.argv.slice(1);
const { workerOptions } = unstable_getMiniflareWorkerOptions(config);
const mf = new Miniflare({
  ...workerOptions,
  modules: true,
  scriptPath: bundle,
  modulesRoot: dirname(bundle),
  bindings: { ...workerOptions.bindings, ...JSON.parse(vars) },
  defaultPersistRoot: join(persistTo, "v3"),
  host: "127.0.0.1",
  port: Number(port),
  cf: false,
});
console.log("workerd ready at " + (await mf.ready));
const stop = () => mf.dispose().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
`;

function command(
  runtime: Runtime,
  config: string,
  bundle: string,
  persistTo: string,
  port: number,
  vars: Record<string, string>,
): [string, string[]] {
  if (runtime === "workerd") {
    const args = ["--input-type=module", "-e", WORKERD_HOST, config, bundle, resolve(persistTo), String(port)];
    return [process.execPath, [...args, JSON.stringify(vars)]];
  }
  const args = ["dev", bundle, "--no-bundle", "-c", config, "--port", String(port), "--ip", "127.0.0.1"];
  args.push("--inspector-port", "0", "--persist-to", resolve(persistTo));
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  return [WRANGLER, args];
}

/** Bundles the worker of `config` into `outDir` (absolute: wrangler resolves relative paths from the config). */
export async function snapshot(config: string, outDir: string): Promise<string> {
  const out = resolve(outDir);
  const build = () =>
    run(WRANGLER, ["deploy", "--dry-run", "-c", config, "--outdir", out], {
      env: { ...process.env, ...QUIET_ENV },
      maxBuffer: 16 * 1024 * 1024,
    });
  try {
    await build();
  } catch {
    // Most often a file mid-edit in the shared working tree: wait and try once more, then say what broke.
    await new Promise((r) => setTimeout(r, 10_000));
    await build().catch((err: { stdout?: string; stderr?: string }) => {
      const text = `${err.stderr ?? ""}\n${err.stdout ?? ""}`.replace(ANSI_COLOUR, "");
      const lines = text.split("\n").map((l) => l.trim());
      const at = lines.findIndex((l) => l.includes("[ERROR]") && !l.includes("Build failed"));
      const reason =
        at >= 0 ? `${lines[at]?.replace(/^.*\[ERROR\]\s*/, "")} ${lines[at + 2] ?? ""}`.trim() : lines.find(Boolean);
      throw new Error(`${config} does not build: ${reason}`);
    });
  }
  return resolve(out, "index.js");
}

/** The bundle of `config` on a free port (on workerd, or under `wrangler dev`); resolves once /health answers. */
export async function startSnapshot(
  config: string,
  bundle: string,
  persistTo: string,
  vars: Record<string, string> = {},
  runtime: Runtime = "workerd",
): Promise<BenchWorker> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [cmd, args] = command(runtime, config, bundle, persistTo, port, vars);
  const child = spawn(cmd, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...QUIET_ENV },
  });
  if (child.pid !== undefined) remember(child.pid);
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = track(async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once("exit", r));
    const pid = child.pid;
    try {
      process.kill(-pid, "SIGTERM"); // the group: node (wrangler or miniflare) and its workerd
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timer);
    forget(pid);
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/health`)).ok)
        return { url, stop, tail: () => ({ output, exited: child.exitCode !== null }) };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${config} did not start on ${url}:\n${output}`);
}
