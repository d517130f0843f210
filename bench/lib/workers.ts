// Starts the app worker (scripts/lib/worker-process) and the bench baseline worker on free ports over one
// --persist-to folder, each as its own process group, registered for cleanup.
import { spawn } from "node:child_process";
import { freePort, type RunningWorker, startWorker } from "../../scripts/lib/worker-process";
import { track } from "./cleanup";

const WRANGLER = "node_modules/.bin/wrangler";
const BASELINE_CONFIG = "bench/baseline-worker/wrangler.toml";
const QUIET_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };
const START_TIMEOUT_MS = 90_000;

export interface BenchWorker {
  url: string;
  stop(): Promise<void>;
}

/** The Tierlens worker itself (wrangler.toml at the root). */
export async function startAppWorker(persistTo: string): Promise<BenchWorker> {
  const worker: RunningWorker = await startWorker({
    port: await freePort(),
    persistTo,
    vars: { OPERATOR_TOKEN: "bench-operator" },
  });
  return { url: worker.url, stop: track(() => worker.stop()) };
}

/** The bench-only baseline Worker (bench/baseline-worker), same D1 database id and state folder. */
export async function startBaselineWorker(persistTo: string): Promise<BenchWorker> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ["dev", "-c", BASELINE_CONFIG, "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", "0"];
  args.push("--persist-to", persistTo);
  const child = spawn(WRANGLER, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...QUIET_ENV },
  });
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = track(async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
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
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`baseline worker did not start on ${url}:\n${output}`);
}
