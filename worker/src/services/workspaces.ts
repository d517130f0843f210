// Creating a workspace: the workspace, its first admin, scoring configuration version 1 and an admin API token, atomically.
import { eq } from "drizzle-orm";
import { defaultConfig } from "../../../shared/config";
import type { CreateWorkspaceRequest, CreateWorkspaceResponse } from "../../../shared/contract";
import { apiTokens, scoringConfigs, users, workspaces } from "../db/schema";
import type { Db } from "../env";
import { hashPassword } from "../lib/crypto";
import { conflict } from "../lib/errors";
import { auditStatement } from "./audit";
import { newApiToken } from "./tokens";

/** The 409 for an address some user already has (emails are unique across workspaces: they sign in by email). */
export const emailTaken = () => conflict("A user with this email already exists.");

/** True when a D1 error is the unique index on users.email. */
export function isUserEmailConflict(err: unknown): boolean {
  return String((err as Error)?.message ?? err).includes("users.email");
}

/**
 * Creates a workspace with its admin (password hashed) and the default scoring configuration as version 1,
 * and issues the admin an API token. A taken admin email → 409.
 */
export async function createWorkspace(db: Db, input: CreateWorkspaceRequest): Promise<CreateWorkspaceResponse> {
  const email = input.admin.email.trim().toLowerCase();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken) throw emailTaken();
  const workspaceId = crypto.randomUUID();
  const adminId = crypto.randomUUID();
  const passwordHash = await hashPassword(input.admin.password);
  const now = new Date().toISOString();
  const token = await newApiToken({ workspaceId, userId: adminId, name: "Created with the workspace" });
  const actor = { workspaceId, userId: adminId };
  try {
    await db.batch([
      db.insert(workspaces).values({ id: workspaceId, name: input.name, activeConfigVersion: 1 }),
      db.insert(users).values({
        id: adminId,
        workspaceId,
        email,
        name: input.admin.name,
        role: "admin",
        passwordHash,
        passwordChangedAt: now,
      }),
      db.insert(scoringConfigs).values({ workspaceId, version: 1, config: defaultConfig(), createdBy: adminId }),
      db.insert(apiTokens).values(token.row),
      auditStatement(db, actor, "workspace.create", { type: "workspace", id: workspaceId }, { name: input.name }),
    ]);
  } catch (err) {
    if (isUserEmailConflict(err)) throw emailTaken();
    throw err;
  }
  return { workspace: { id: workspaceId, name: input.name }, admin: { id: adminId, email }, token: token.token };
}
