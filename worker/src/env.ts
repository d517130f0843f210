// Bindings of the Worker and the per-request variables the middleware sets.
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type * as schema from "./db/schema";

export interface Env {
  DB: D1Database;
  /** Operator secret authorising POST /api/v1/workspaces and /setup (a Worker secret; `.dev.vars` locally). */
  OPERATOR_TOKEN?: string;
}

export type Role = "admin" | "manager" | "rep";

/** Who is calling: set by the bearer-token middleware (API) or the session middleware (admin UI). */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  currency: string;
  /** The API token used, when authenticated by bearer token. */
  tokenId?: string;
}

export type Db = DrizzleD1Database<typeof schema>;

export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db; caller: Caller };
}
