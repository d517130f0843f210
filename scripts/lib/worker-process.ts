// Starts and stops a local `wrangler dev` (migrations applied first) as its own process group.
// Shared by `npm start`, the end-to-end tests and the benchmarks.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const WRANGLER = "node_modules/.bin/wrangler";
const QUIET_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };

export interface WorkerOptions {
  port: number;
  /** Local D1 / state folder (wrangler's --persist-to); default .wrangler/state. */
  persistTo?: string;
  /** Extra bindings passed with --var (e.g. OPERATOR_TOKEN for tests). */
  vars?: Record<string, string>;
  /** Print wrangler's output (npm start) instead of keeping it for errors. */
  inheritOutput?: boolean;
}

export interface RunningWorker {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Applies worker/migrations to the local D1 in `persistTo` (idempotent). */
export async function applyLocalMigrations(persistTo?: string): Promise<void> {
  const args = ["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])];
  await run(WRANGLER, args, { env: { ...process.env, ...QUIET_ENV } });
}

/** Starts wrangler dev and resolves once /health answers; rejects with its output if it does not within 60 s. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const url = `http://127.0.0.1:${options.port}`;
  const args = ["dev", "--port", String(options.port), "--ip", "127.0.0.1", "--inspector-port", "0"];
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  for (const [k, v] of Object.entries(options.vars ?? {})) args.push("--var", `${k}:${v}`);
  const child = spawn(WRANGLER, args, {
    detached: true,
    stdio: options.inheritOutput ? "inherit" : ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...QUIET_ENV },
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output = (output + d).slice(-8000);
  });
  child.stderr?.on("data", (d) => {
    output = (output + d).slice(-8000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM"); // the whole group: killing only wrangler leaves workerd running
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return { url, process: child, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${url} within 60 s:\n${output}`);
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
