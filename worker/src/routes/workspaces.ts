// POST /workspaces: the operator creates a workspace with its first admin.
import { Hono } from "hono";
import { createWorkspaceRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { parseOr400, readJson } from "../lib/errors";
import { requireOperator } from "../middleware/operator";
import { createWorkspace } from "../services/workspaces";

export const workspacesRoutes = new Hono<AppEnv>();

workspacesRoutes.post("/", requireOperator, async (c) => {
  const input = parseOr400(createWorkspaceRequestSchema, await readJson(c));
  return c.json(await createWorkspace(c.var.db, input), 201);
});
