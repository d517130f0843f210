// POST /lookup: tier, credit and next steps for up to 50 addresses, with an ETag and 304 on If-None-Match.
import { Hono } from "hono";
import { type LookupResponse, lookupRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { parseOr400, readJson } from "../lib/errors";
import { requireToken } from "../middleware/auth";
import { etagMatches, lookupEmails } from "../services/lookup";

export const lookupRoutes = new Hono<AppEnv>();

// D1 work per request: the token check, then one batch (data version + matches) — 2 round trips, 3 statements.
lookupRoutes.post("/", requireToken, async (c) => {
  const { emails } = parseOr400(lookupRequestSchema, await readJson(c));
  const { etag, results } = await lookupEmails(c.env.DB, c.var.caller, emails);
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Authorization" };
  if (etagMatches(c.req.header("If-None-Match"), etag)) return c.body(null, 304, headers);
  const body: LookupResponse = { results };
  return c.json(body, 200, headers);
});
