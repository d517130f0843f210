// Validating one interaction item and hashing its canonical form (the idempotency fingerprint).
import type { InteractionRequest, InteractionResult } from "../../../shared/contract";
import { AHEAD_MESSAGE, interactionRequestSchema, tooFarAhead } from "../../../shared/contract";
import { sha256Hex } from "../lib/crypto";
import { type ErrorDetail, zodDetails } from "../lib/errors";

export type Parsed = { ok: true; item: InteractionRequest } | { ok: false; result: InteractionResult };

/**
 * Validates an item; a bad one becomes a 400 result whose details name `<prefix><field>`. A touch dated more than a
 * day after `nowMs` (the server's clock) is refused: it has not happened yet.
 */
export function parseItem(raw: unknown, fieldPrefix: string, nowMs: number): Parsed {
  const parsed = interactionRequestSchema.safeParse(raw);
  let problems: ErrorDetail[];
  if (!parsed.success) problems = zodDetails(parsed.error);
  else if (tooFarAhead(parsed.data.occurredAt, nowMs)) problems = [{ field: "occurredAt", message: AHEAD_MESSAGE }];
  else return { ok: true, item: { ...parsed.data, occurredAt: canonicalTime(parsed.data.occurredAt) } };
  const rawId = (raw as { id?: unknown } | null)?.id;
  const details = problems.map((d) => ({
    ...d,
    field: `${fieldPrefix}${d.field ?? ""}`.replace(/\.$/, ""),
  }));
  return {
    ok: false,
    result: {
      id: typeof rawId === "string" ? rawId : null,
      status: 400,
      error: { code: "validation_failed", message: "The interaction is not valid.", details },
    },
  };
}

/** One instant, one spelling: `2026-01-02T11:00:00+08:00` and `2026-01-02T03:00:00Z` hash alike. */
function canonicalTime(value: string): string {
  return new Date(value).toISOString();
}

/**
 * SHA-256 of the item's canonical JSON: keys sorted, absent and false flags dropped, so a replay from any client
 * (key order, `createProspect: false` vs absent) hashes the same, and any real difference does not.
 */
export async function bodyHash(item: InteractionRequest): Promise<string> {
  const entries = Object.entries(item)
    .filter(([, v]) => v !== undefined && v !== false)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(JSON.stringify(entries));
}
