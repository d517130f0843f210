// The worker API client: bearer auth, JSON bodies, the error shape of issue #4, and If-None-Match for lookups.
import type { Connection } from "./connection";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiOptions {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  etag?: string | null;
  fetchImpl?: typeof fetch;
}

let reachable: (() => void) | null = null;

/** Called after every answer below 400 (304 included): the background flushes an outbox that was backing off. */
export function onServerReachable(listener: (() => void) | null): void {
  reachable = listener;
}

/** Calls `/api/v1{path}`; throws ApiError for 4xx/5xx (network errors throw TypeError). 304 is returned as is. */
export async function apiFetch(connection: Connection, path: string, options: ApiOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${connection.token}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.etag) headers["If-None-Match"] = options.etag;
  const res = await (options.fetchImpl ?? fetch)(`${connection.serverUrl}/api/v1${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    cache: "no-store",
  });
  if (res.status >= 400) {
    let code = "http_error";
    let message = `HTTP ${res.status}`;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {}
    throw new ApiError(res.status, code, message);
  }
  reachable?.();
  return res;
}

export async function apiJson<T>(connection: Connection, path: string, options: ApiOptions = {}): Promise<T> {
  return (await (await apiFetch(connection, path, options)).json()) as T;
}
