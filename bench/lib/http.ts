// One timed JSON call to a local worker (127.0.0.1 only), with the status and parsed body.
export interface Timed<T = unknown> {
  status: number;
  body: T;
  ms: number;
  /** Set when the first attempt lost its connection before any answer and this is the second (see `call`). */
  retried?: string;
}

/** Connection errors before any answer: the request never reached the worker's code, or its isolate was reset. */
const DROPPED = new Set(["ECONNRESET", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "EPIPE"]);

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; text?: string; timeoutMs?: number } = {},
): Promise<Timed<T>> {
  const url = new URL(path, base);
  if (url.hostname !== "127.0.0.1") throw new Error(`bench only calls 127.0.0.1, not ${url.hostname}`);
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.text;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  const attempt = async (): Promise<Timed<T>> => {
    const started = performance.now();
    const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 300_000) });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed as T, ms };
  };
  try {
    return await attempt();
  } catch (error) {
    // On workerd the request right after a 100k regrade has met ECONNRESET on the kept-alive connection (the process
    // still up, printing nothing): every bench call is safe to repeat, so once more, and the caller can say so.
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === undefined || !DROPPED.has(code)) throw error;
    await new Promise((r) => setTimeout(r, 1000));
    return { ...(await attempt()), retried: `${method} ${url.pathname} retried after ${code}` };
  }
}

/** "404 not_found: No such route." from an error answer of the API's error shape. */
export function describeError(r: Timed): string {
  const e = (r.body as { error?: { code?: string; message?: string } | string } | null)?.error;
  if (typeof e === "string") return `${r.status}: ${e.slice(0, 200)}`;
  if (typeof r.body === "string") return `${r.status}: ${r.body.replace(/\s+/g, " ").slice(0, 160)}`;
  return `${r.status}${e?.code ? ` ${e.code}` : ""}${e?.message ? `: ${e.message}` : ""}`;
}

/** Median of a small list. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] as number);
}
