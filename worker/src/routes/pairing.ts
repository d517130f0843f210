// Pairing: POST /pairing-codes (a signed-in user makes a code) and POST /pair (the extension redeems it, throttled).
import { Hono } from "hono";
import { pairRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { ApiError, parseOr400, readJson } from "../lib/errors";
import { requireToken } from "../middleware/auth";
import { createPairingCode, redeemPairingCode } from "../services/pairing";
import { addressKey, checkThrottle, clearThrottle, recordFailure, tooManyAttempts } from "../services/throttle";

export const pairingRoutes = new Hono<AppEnv>();

pairingRoutes.post("/pairing-codes", requireToken, async (c) => {
  return c.json(await createPairingCode(c.var.db, c.var.caller), 201);
});

pairingRoutes.post("/pair", async (c) => {
  const db = c.var.db;
  const key = addressKey("pair", (name) => c.req.header(name));
  const locked = await checkThrottle(db, key);
  if (locked !== null) throw tooManyAttempts(locked);
  const { code } = parseOr400(pairRequestSchema, await readJson(c));
  const paired = await redeemPairingCode(db, code);
  if (!paired) {
    await recordFailure(db, key);
    throw new ApiError(401, "invalid_pairing_code", "The pairing code is unknown, used or expired.", [
      { field: "code", message: "Unknown, used or expired." },
    ]);
  }
  await clearThrottle(db, key);
  return c.json(paired);
});
