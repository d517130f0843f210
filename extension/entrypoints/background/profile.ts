// The caller's name, workspace and currency from GET /me, kept for the card and popup.
import { browser } from "wxt/browser";
import { meResponseSchema } from "../../../shared/contract/auth";
import { apiJson } from "../../lib/api";
import { getConnection } from "../../lib/connection";

/** Fetches /me; throws when the token is refused so `connect` can report it. */
export async function refreshProfile(): Promise<void> {
  const connection = await getConnection();
  if (!connection) return;
  const me = meResponseSchema.parse(await apiJson<unknown>(connection, "/me"));
  await browser.storage.local.set({
    profile: { userName: me.user.name, workspaceName: me.workspace.name, currency: me.workspace.currency },
  });
}
