// The background's long-lived pieces: the lookup service and the outbox, wired to the worker API and the toolbar badge.
import { browser } from "wxt/browser";
import { interactionBatchResponseSchema } from "../../../shared/contract/interactions";
import { lookupResponseSchema } from "../../../shared/contract/lookup";
import { ApiError, apiFetch, apiJson } from "../../lib/api";
import { getConnection } from "../../lib/connection";
import { type CacheEntry, LookupService } from "../../lib/lookup";
import { Outbox, type OutboxSummary } from "../../lib/outbox";
import { scheduleFor } from "../../lib/schedule";
import { showBadge } from "./badge";
import { refreshDueBadge } from "./follow-ups";

const CACHE_KEY = "lookupCache";

/** The retry schedule of this build: the documented one, short delays only in `wxt build --mode e2e`. */
export const schedule = scheduleFor(import.meta.env.MODE);

export function updateBadge({ pending, failed }: Pick<OutboxSummary, "pending" | "failed">): void {
  void showBadge({ pending, failed });
}

export const outbox = new Outbox({
  storage: browser.storage.local,
  schedule,
  async send(items) {
    const connection = await getConnection();
    if (!connection) throw new Error("not connected");
    const body = await apiJson<unknown>(connection, "/interactions/batch", { body: { items } });
    const { results } = interactionBatchResponseSchema.parse(body);
    // A new touch changes its customer's next steps on the worker: cards should ask again, not wait out the TTL.
    // It may also be the follow-up that was due: count them again.
    if (results.some((r) => r.status === 201)) {
      lookups.expire();
      void refreshDueBadge().catch(() => undefined);
    }
    return results;
  },
  async undo(id) {
    const connection = await getConnection();
    if (!connection) throw new Error("not connected");
    try {
      await apiFetch(connection, `/interactions/${encodeURIComponent(id)}`, { method: "DELETE" });
    } catch (e) {
      // 404: it never reached the server; 403: logged under another user since. Neither changes by retrying.
      if (!(e instanceof ApiError) || e.status >= 500 || e.status === 401 || e.status === 429) throw e;
      return;
    }
    // The customer's next steps are back as they were: cards ask again, the badge counts again.
    lookups.expire();
    void refreshDueBadge().catch(() => undefined);
  },
  onChange: updateBadge,
});

export const lookups = new LookupService({
  async fetch(emails, etag) {
    const connection = await getConnection();
    if (!connection) throw new Error("not connected");
    const res = await apiFetch(connection, "/lookup", { body: { emails }, etag });
    if (res.status === 304) return { status: 304 };
    const body = lookupResponseSchema.parse(await res.json());
    return { status: 200, etag: res.headers.get("ETag"), results: body.results };
  },
  // storage.session outlives a killed service worker (not the browser), and never reaches the disk.
  onCacheChange: (entries) => void browser.storage.session.set({ [CACHE_KEY]: entries }).catch(() => undefined),
});

/** Reloads the cache saved before the service worker was stopped. */
export async function restoreLookupCache(): Promise<void> {
  const stored = await browser.storage.session.get(CACHE_KEY).catch(() => ({}) as Record<string, unknown>);
  const entries = stored[CACHE_KEY] as Record<string, CacheEntry> | undefined;
  if (entries) lookups.restore(entries);
}
