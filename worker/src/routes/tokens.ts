// API tokens: GET/POST /tokens (own; an admin lists all of the workspace), DELETE /tokens/{id} revokes.
import { Hono } from "hono";
import { createTokenRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { parseOr400, readJson } from "../lib/errors";
import { requireToken } from "../middleware/auth";
import { createTokenForCaller, listTokens, revokeToken } from "../services/tokens";

export const tokensRoutes = new Hono<AppEnv>();

tokensRoutes.use(requireToken);

tokensRoutes.get("/", async (c) => c.json({ items: await listTokens(c.var.db, c.var.caller) }));

tokensRoutes.post("/", async (c) => {
  const { name } = parseOr400(createTokenRequestSchema, await readJson(c));
  return c.json(await createTokenForCaller(c.var.db, c.var.caller, name), 201);
});

tokensRoutes.delete("/:id", async (c) => {
  await revokeToken(c.var.db, c.var.caller, c.req.param("id"));
  return c.json({ ok: true as const });
});
