// GET /me: who the token belongs to, their role and workspace.
import { Hono } from "hono";
import type { MeResponse } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { requireToken } from "../middleware/auth";

export const meRoutes = new Hono<AppEnv>();

meRoutes.get("/", requireToken, (c) => {
  const { userId, email, name, role, workspaceId, workspaceName, currency } = c.var.caller;
  const body: MeResponse = {
    user: { id: userId, email, name, role },
    workspace: { id: workspaceId, name: workspaceName, currency },
  };
  return c.json(body);
});
