// Batched, cached lookups: one POST /lookup per page burst (≤50 addresses each), TTL cache revalidated with the ETag.
import type { LookupResult } from "../../shared/contract";

export const MAX_PER_REQUEST = 50;
/** Addresses kept in the cache; the oldest answers go first. */
export const MAX_CACHED = 2000;

export type LookupFetch = (
  emails: string[],
  etag: string | null,
) => Promise<{ status: 200; etag: string | null; results: LookupResult[] } | { status: 304 }>;

export interface CacheEntry {
  result: LookupResult;
  etag: string | null;
  at: number;
}

export interface LookupOptions {
  fetch: LookupFetch;
  now?: () => number;
  ttlMs?: number;
  debounceMs?: number;
  onCacheChange?: (entries: Record<string, CacheEntry>) => void;
}

interface Waiter {
  emails: string[];
  resolve: (results: LookupResult[]) => void;
}

export class LookupService {
  private cache = new Map<string, CacheEntry>();
  private queued = new Set<string>();
  private waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly debounceMs: number;

  constructor(private readonly options: LookupOptions) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.debounceMs = options.debounceMs ?? 50;
  }

  /** Seeds the cache (e.g. from storage.session after the service worker restarted). */
  restore(entries: Record<string, CacheEntry>): void {
    for (const [email, entry] of Object.entries(entries)) this.cache.set(email, entry);
  }

  clear(): void {
    this.cache.clear();
    this.options.onCacheChange?.({});
  }

  /**
   * Makes every entry stale but keeps it: the next lookup revalidates with its ETag (a 304 when nothing changed) and a
   * server that cannot be reached still gets the old answer. Called once a logged touch reached the worker, which
   * refreshes that customer's grade (its follow-up and reply steps) at once.
   */
  expire(): void {
    if (this.cache.size === 0) return;
    for (const entry of this.cache.values()) entry.at = 0;
    this.options.onCacheChange?.(Object.fromEntries(this.cache));
  }

  cached(email: string): LookupResult | null {
    return this.cache.get(email)?.result ?? null;
  }

  private fresh(email: string): boolean {
    const entry = this.cache.get(email);
    return entry !== undefined && this.now() - entry.at < this.ttlMs;
  }

  /** Results for the addresses that could be answered (fresh cache, server, or stale cache when offline). */
  lookup(emails: string[]): Promise<LookupResult[]> {
    const unique = [...new Set(emails)];
    if (unique.every((e) => this.fresh(e))) return Promise.resolve(this.answer(unique));
    return new Promise((resolve) => {
      for (const e of unique) if (!this.fresh(e)) this.queued.add(e);
      this.waiters.push({ emails: unique, resolve });
      this.timer ??= setTimeout(() => void this.flush(), this.debounceMs);
    });
  }

  private answer(emails: string[]): LookupResult[] {
    return emails.flatMap((e) => {
      const entry = this.cache.get(e);
      return entry ? [entry.result] : [];
    });
  }

  /** Groups stale addresses by the ETag they were cached with, so an unchanged group revalidates with a 304. */
  private groups(emails: string[]): { emails: string[]; etag: string | null }[] {
    const byTag = new Map<string | null, string[]>();
    for (const e of emails) {
      const tag = this.cache.get(e)?.etag ?? null;
      byTag.set(tag, [...(byTag.get(tag) ?? []), e]);
    }
    const out: { emails: string[]; etag: string | null }[] = [];
    for (const [etag, list] of byTag) {
      for (let i = 0; i < list.length; i += MAX_PER_REQUEST)
        out.push({ emails: list.slice(i, i + MAX_PER_REQUEST), etag });
    }
    return out;
  }

  async flush(): Promise<void> {
    this.timer = null;
    const emails = [...this.queued];
    const waiters = this.waiters;
    this.queued = new Set();
    this.waiters = [];
    await Promise.all(this.groups(emails).map((g) => this.fetchGroup(g.emails, g.etag)));
    this.prune();
    this.options.onCacheChange?.(Object.fromEntries(this.cache));
    for (const w of waiters) w.resolve(this.answer(w.emails));
  }

  private prune(): void {
    if (this.cache.size <= MAX_CACHED) return;
    const oldest = [...this.cache].sort((a, b) => a[1].at - b[1].at).slice(0, this.cache.size - MAX_CACHED);
    for (const [email] of oldest) this.cache.delete(email);
  }

  private async fetchGroup(emails: string[], etag: string | null): Promise<void> {
    try {
      const res = await this.options.fetch(emails, etag);
      const at = this.now();
      if (res.status === 304) {
        for (const e of emails) {
          const entry = this.cache.get(e);
          if (entry) this.cache.set(e, { ...entry, at });
        }
        return;
      }
      res.results.forEach((result, i) => {
        const email = emails[i];
        if (email) this.cache.set(email, { result: { ...result, email }, etag: res.etag, at });
      });
    } catch {
      // Offline or server error: stale entries keep answering; nothing is cached for the others.
    }
  }
}
