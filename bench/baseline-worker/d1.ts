// The slice of the D1 binding the bench worker uses, typed structurally so both the Node-side tsconfig and
// the Workers one (with @cloudflare/workers-types) accept this folder.
export interface Stmt {
  bind(...values: unknown[]): Stmt;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  /** Rows as arrays of cells, no column names (D1's cheapest form). */
  raw<T = unknown[]>(): Promise<T[]>;
  run(): Promise<{ meta: { changes?: number } }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
}

export interface Db {
  prepare(query: string): Stmt;
  batch(statements: Stmt[]): Promise<unknown[]>;
}

export interface Env {
  DB: Db;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
