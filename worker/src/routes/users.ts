// Users (admin only): GET/POST /users, PATCH /users/{id}.
import { Hono } from "hono";
import { createUserRequestSchema, updateUserRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { parseOr400, readJson } from "../lib/errors";
import { requireRole, requireToken } from "../middleware/auth";
import { createUser, listUsers, updateUser } from "../services/users";

export const usersRoutes = new Hono<AppEnv>();

usersRoutes.use(requireToken, requireRole("admin"));

usersRoutes.get("/", async (c) => c.json({ items: await listUsers(c.var.db, c.var.caller.workspaceId) }));

usersRoutes.post("/", async (c) => {
  const input = parseOr400(createUserRequestSchema, await readJson(c));
  return c.json({ user: await createUser(c.var.db, c.var.caller, input) }, 201);
});

usersRoutes.patch("/:id", async (c) => {
  const patch = parseOr400(updateUserRequestSchema, await readJson(c));
  return c.json({ user: await updateUser(c.var.db, c.var.caller, c.req.param("id"), patch) });
});
