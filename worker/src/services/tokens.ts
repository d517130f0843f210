// Issues API tokens: the raw token is returned once, only its SHA-256 is stored.
import { apiTokens } from "../db/schema";
import type { Db } from "../env";
import { randomSecret, sha256Hex } from "../lib/crypto";

export const TOKEN_PREFIX = "tl_";

/** Creates a token for `userId` and returns its id and the raw token (never retrievable again). */
export async function issueApiToken(
  db: Db,
  input: { workspaceId: string; userId: string; name: string },
): Promise<{ id: string; token: string; prefix: string }> {
  const token = randomSecret(32, TOKEN_PREFIX);
  const id = crypto.randomUUID();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  await db.insert(apiTokens).values({
    id,
    workspaceId: input.workspaceId,
    userId: input.userId,
    name: input.name,
    tokenHash: await sha256Hex(token),
    prefix,
  });
  return { id, token, prefix };
}
