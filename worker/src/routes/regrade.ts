// POST /api/v1/regrade: grade the caller's workspace now, as of a date (admins and managers).
import { Hono } from "hono";
import { regradeRequestSchema } from "../../../shared/contract/regrade";
import type { AppEnv } from "../env";
import { regradeWorkspace, todayUtc } from "../jobs/regrade";
import { ApiError, parseOr400 } from "../lib/errors";
import { requireRole, requireToken } from "../middleware/auth";
import { audit } from "../services/audit";

export const regradeRoutes = new Hono<AppEnv>();

regradeRoutes.post("/", requireToken, requireRole("admin", "manager"), async (c) => {
  // The body is optional: no body (or an empty one) means "as of today".
  const text = (await c.req.text()).trim();
  const input = parseOr400(regradeRequestSchema, text ? parseJson(text) : {});
  const { caller, db } = c.var;
  const result = await regradeWorkspace(db, caller.workspaceId, input.asOf ?? todayUtc());
  await audit(
    db,
    caller,
    "regrade",
    { type: "workspace", id: caller.workspaceId },
    { asOf: input.asOf ?? null, ...result },
  );
  return c.json(result);
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", 'The body must be valid JSON, e.g. {"asOf": "2026-03-01"}, or empty.');
  }
}
