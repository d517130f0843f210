// A small closed-loop HTTP load generator (keep-alive, N connections), bounded in request count and time.
// Only for 127.0.0.1: the bench never sends traffic anywhere else. Its own cost is ≈ 0.06 ms per request (p50
// against an in-process Node server); TCP_NODELAY is on and `sockets` shows that connections are reused.
import { Agent, request } from "node:http";

export interface LoadOptions {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Body of request number n (same body for every request when a string). */
  body?: string | ((n: number) => string);
  /** Path+query of request number n, when it changes per request (default: the url's). */
  path?: (n: number) => string;
  connections: number;
  durationMs: number;
  maxRequests: number;
  /** Unmeasured requests first, to warm up the isolate and SQLite's page cache. */
  warmup?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  /** TCP connections opened (warm-up included): `connections` when keep-alive works. */
  sockets: number;
}

function assertLoopback(url: URL): void {
  if (url.hostname !== "127.0.0.1") throw new Error(`bench load only targets 127.0.0.1, not ${url.hostname}`);
}

function once(agent: Agent, url: URL, opts: LoadOptions, n: number, counter: { sockets: number }): Promise<number> {
  const body = typeof opts.body === "function" ? opts.body(n) : opts.body;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: opts.method ?? "GET",
        path: opts.path ? opts.path(n) : url.pathname + url.search,
        headers: {
          ...opts.headers,
          ...(body === undefined ? {} : { "content-length": Buffer.byteLength(body) }),
        },
      },
      (res) => {
        if (!req.reusedSocket) counter.sockets++;
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error("request timed out after 10 s")));
    req.on("error", reject);
    req.end(body);
  });
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Runs `connections` loops of sequential requests until `maxRequests` or `durationMs`, whichever comes first. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const url = new URL(opts.url);
  assertLoopback(url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections, noDelay: true });
  const counter = { sockets: 0 };
  try {
    for (let n = 0; n < (opts.warmup ?? 0); n++) {
      const status = await once(agent, url, opts, n, counter);
      if (status >= 400) throw new Error(`${opts.method ?? "GET"} ${url.pathname} answered ${status} during warm-up`);
    }
    const latencies: number[] = [];
    let issued = 0;
    let errors = 0;
    const started = performance.now();
    const deadline = started + opts.durationMs;
    const loop = async () => {
      while (issued < opts.maxRequests && performance.now() < deadline) {
        const n = issued++;
        const t0 = performance.now();
        try {
          const status = await once(agent, url, opts, n, counter);
          if (status >= 200 && status < 400) latencies.push(performance.now() - t0);
          else errors++;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: opts.connections }, loop));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      seconds,
      rps: latencies.length / seconds,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
      sockets: counter.sockets,
    };
  } finally {
    agent.destroy();
  }
}
