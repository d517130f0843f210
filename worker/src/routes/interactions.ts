// POST /interactions (one, idempotent by client UUID), POST /interactions/batch (the extension's outbox flush), and
// undoing one: DELETE /interactions/:id, taken back by POST /interactions/:id/restore (both idempotent).
import { Hono } from "hono";
import { type InteractionBatchResponse, interactionBatchRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { ApiError, parseOr400, readJson } from "../lib/errors";
import { requireToken } from "../middleware/auth";
import { setInteractionRemoved } from "../services/interaction-undo";
import { logInteractions, toInteraction } from "../services/interactions";

export const interactionsRoutes = new Hono<AppEnv>();

interactionsRoutes.use(requireToken);

interactionsRoutes.post("/", async (c) => {
  const [result] = await logInteractions(c.var.db, c.var.caller, [await readJson(c)], () => "");
  if (!result) throw new Error("no result for a single interaction");
  if (result.interaction) return c.json(result.interaction, result.status as 200 | 201);
  const error = result.error ?? { code: "internal", message: "No result.", details: [] };
  throw new ApiError(result.status as 400 | 404 | 422, error.code, error.message, error.details);
});

interactionsRoutes.post("/batch", async (c) => {
  const { items } = parseOr400(interactionBatchRequestSchema, await readJson(c));
  const body: InteractionBatchResponse = {
    results: await logInteractions(c.var.db, c.var.caller, items, (i) => `items.${i}.`),
  };
  return c.json(body);
});

interactionsRoutes.delete("/:id", async (c) =>
  c.json(toInteraction(await setInteractionRemoved(c.var.db, c.var.caller, c.req.param("id"), true))),
);

interactionsRoutes.post("/:id/restore", async (c) =>
  c.json(toInteraction(await setInteractionRemoved(c.var.db, c.var.caller, c.req.param("id"), false))),
);
