// Test helpers for the Workers project: workspaces, users and tokens made straight in D1, and an API caller.
import { env, exports } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../worker/src/db/schema";
import type { Db, Role } from "../../worker/src/env";
import { issueApiToken } from "../../worker/src/services/tokens";

export const db: Db = drizzle(env.DB, { schema });

export interface TestUser {
  workspaceId: string;
  userId: string;
  email: string;
  role: Role;
  token: string;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A new workspace with an admin holding an API token. Passwords are not set (tests of sign-in set their own). */
export async function createTestWorkspace(name = "Test Co."): Promise<TestUser> {
  const workspaceId = crypto.randomUUID();
  await db.insert(schema.workspaces).values({ id: workspaceId, name });
  return createTestUser(workspaceId, "admin");
}

/** A user of `role` in the workspace, with an API token. */
export async function createTestUser(workspaceId: string, role: Role): Promise<TestUser> {
  const userId = crypto.randomUUID();
  const email = `${role}-${unique()}@example.test`;
  await db.insert(schema.users).values({ id: userId, workspaceId, email, name: `${role} ${unique()}`, role });
  const { token } = await issueApiToken(db, { workspaceId, userId, name: "test" });
  return { workspaceId, userId, email, role, token };
}

/** Calls the real worker (exports.default.fetch) as `user`; `body` objects are sent as JSON. */
export async function call(
  user: Pick<TestUser, "token"> | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } };
  const h = init.headers as Record<string, string>;
  if (user) h.Authorization = `Bearer ${user.token}`;
  if (body !== undefined) {
    if (typeof body === "string") init.body = body;
    else {
      init.body = JSON.stringify(body);
      h["Content-Type"] ??= "application/json";
    }
  }
  return exports.default.fetch(new Request(`http://tierlens.test${path}`, init));
}
