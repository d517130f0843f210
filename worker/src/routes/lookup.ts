// POST /lookup: tier, credit and next steps for up to 50 addresses, with an ETag and 304 on If-None-Match.
import { Hono } from "hono";
import { type LookupResponse, lookupRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { parseOr400, readJson } from "../lib/errors";
import { authenticate, bearerTokenHash, invalidToken, touchToken } from "../middleware/auth";
import { etagMatches, lookupEmails } from "../services/lookup";

export const lookupRoutes = new Hono<AppEnv>();

// D1 work per request: ONE statement that checks the token and finds the matches (the extension calls this for
// every address it sees). No requireToken in front: the same token rule is applied inside that statement, and
// the answers are the same as with it — 401 before anything else (an invalid body included), then 400, then 200/304.
lookupRoutes.post("/", async (c) => {
  const tokenHash = await bearerTokenHash(c);
  let emails: string[];
  try {
    ({ emails } = parseOr400(lookupRequestSchema, await readJson(c)));
  } catch (err) {
    await authenticate(c); // a bad token answers 401, not 400, as when requireToken ran first
    throw err;
  }
  const lookup = await lookupEmails(c.env.DB, tokenHash, emails);
  if (!lookup) throw invalidToken();
  c.set("caller", lookup.caller);
  await touchToken(c, lookup.caller.tokenId as string, lookup.lastUsedAt);
  const headers = { ETag: lookup.etag, "Cache-Control": "private, no-cache", Vary: "Authorization" };
  if (etagMatches(c.req.header("If-None-Match"), lookup.etag)) return c.body(null, 304, headers);
  const body: LookupResponse = { results: lookup.results() };
  return c.json(body, 200, headers);
});
