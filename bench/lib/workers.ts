// Starts the app worker and the bench baseline worker on free ports over one --persist-to folder, each from a
// bundle snapshot made at the start of the run (`wrangler deploy --dry-run --outdir`, run with --no-bundle), so
// edits to the shared working tree during a run cannot make wrangler reload the worker mid-measurement.
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

/** `wrangler dev <bundle> --no-bundle -c <config>` on a free port; resolves once /health answers. */
export async function startSnapshot(
  config: string,
  bundle: string,
  persistTo: string,
  vars: Record<string, string> = {},
): Promise<BenchWorker> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ["dev", bundle, "--no-bundle", "-c", config, "--port", String(port), "--ip", "127.0.0.1"];
  args.push("--inspector-port", "0", "--persist-to", resolve(persistTo));
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child = spawn(WRANGLER, args, {
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
      process.kill(-pid, "SIGTERM"); // the group: wrangler and its workerd
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
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${config} did not start on ${url}:\n${output}`);
}
