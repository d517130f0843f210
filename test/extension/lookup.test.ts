// Lookup batching and the ETag cache: one request per page burst, ≤50 addresses each, 304 reuses the cache.
import { describe, expect, it, vi } from "vitest";
import { type LookupFetch, LookupService, MAX_CACHED } from "../../extension/lib/lookup";
import { customerResult, unknownResult } from "./results";

function server(etag = '"v1"') {
  const calls: { emails: string[]; etag: string | null }[] = [];
  let status: 200 | 304 | "down" = 200;
  const fetch: LookupFetch = async (emails, sent) => {
    calls.push({ emails, etag: sent });
    if (status === "down") throw new TypeError("Failed to fetch");
    if (status === 304) return { status: 304 };
    return {
      status: 200,
      etag,
      results: emails.map((e) => (e.startsWith("ana") ? customerResult({}, e) : unknownResult(e))),
    };
  };
  return { calls, fetch, set: (s: typeof status) => (status = s) };
}

const emails = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`);

describe("LookupService", () => {
  it("answers a burst of lookups from several frames with one request", async () => {
    const s = server();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 10 });
    const [a, b, c] = await Promise.all([
      svc.lookup(["ana@example.org"]),
      svc.lookup(["bo@example.com", "ana@example.org"]),
      svc.lookup(["cy@example.com"]),
    ]);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0]!.emails).toEqual(["ana@example.org", "bo@example.com", "cy@example.com"]);
    expect(a.map((r) => r.customer?.name)).toEqual(["Example Org"]);
    expect(b.map((r) => r.email)).toEqual(["bo@example.com", "ana@example.org"]);
    expect(c[0]!.customer).toBeNull();
  });

  it("costs one request for a list of 50 senders and splits bigger bursts in 50s", async () => {
    const s = server();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 1 });
    await svc.lookup(emails(50));
    expect(s.calls).toHaveLength(1);
    await svc.lookup(emails(170));
    expect(s.calls.slice(1).map((c) => c.emails.length)).toEqual([50, 50, 20]);
  });

  it("answers fresh cache hits at once, without a request", async () => {
    const s = server();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 1 });
    await svc.lookup(["ana@example.org"]);
    const started = performance.now();
    expect((await svc.lookup(["ana@example.org"]))[0]!.customer?.tier).toBe("A");
    expect(performance.now() - started).toBeLessThan(5);
    expect(s.calls).toHaveLength(1);
  });

  it("revalidates stale entries with If-None-Match and keeps them on 304", async () => {
    let now = 0;
    const s = server();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 1, ttlMs: 1000, now: () => now });
    await svc.lookup(["ana@example.org", "bo@example.com"]);
    now = 5000;
    s.set(304);
    const again = await svc.lookup(["ana@example.org", "bo@example.com"]);
    expect(s.calls[1]).toEqual({ emails: ["ana@example.org", "bo@example.com"], etag: '"v1"' });
    expect(again.map((r) => r.customer?.tier ?? null)).toEqual(["A", null]);
    await svc.lookup(["ana@example.org"]);
    expect(s.calls).toHaveLength(2); // the 304 made them fresh again
  });

  it("expires every entry after a logged touch: the next lookup revalidates with its ETag, offline still answers", async () => {
    let now = 1_000_000;
    const s = server();
    const onCacheChange = vi.fn();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 1, ttlMs: 60_000, now: () => now, onCacheChange });
    await svc.lookup(["ana@example.org"]);
    now += 1000; // well inside the TTL
    svc.expire();
    expect(onCacheChange).toHaveBeenLastCalledWith({
      "ana@example.org": expect.objectContaining({ at: 0, etag: '"v1"' }),
    });
    s.set(304);
    await svc.lookup(["ana@example.org"]);
    expect(s.calls).toEqual([
      { emails: ["ana@example.org"], etag: null },
      { emails: ["ana@example.org"], etag: '"v1"' },
    ]);
    svc.expire();
    s.set("down");
    expect((await svc.lookup(["ana@example.org"]))[0]?.customer?.tier).toBe("A");
  });

  it("keeps answering from a stale cache while the server is down, and nothing for unknown addresses", async () => {
    let now = 0;
    const s = server();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 1, ttlMs: 1000, now: () => now });
    await svc.lookup(["ana@example.org"]);
    now = 5000;
    s.set("down");
    const results = await svc.lookup(["ana@example.org", "new@example.com"]);
    expect(results.map((r) => r.email)).toEqual(["ana@example.org"]);
  });

  it("forgets everything on clear (disconnect) and reports cache changes for storage", async () => {
    const s = server();
    const onCacheChange = vi.fn();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 1, onCacheChange });
    await svc.lookup(["ana@example.org"]);
    expect(Object.keys(onCacheChange.mock.lastCall![0])).toEqual(["ana@example.org"]);
    svc.clear();
    expect(svc.cached("ana@example.org")).toBeNull();
    const restored = new LookupService({ fetch: s.fetch });
    restored.restore(onCacheChange.mock.calls[0]![0]);
    expect(restored.cached("ana@example.org")?.customer?.id).toBe("c1");
  });
});

describe("LookupService cache size", () => {
  it("keeps at most MAX_CACHED addresses, forgetting the oldest answers", async () => {
    let now = 0;
    const s = server();
    const svc = new LookupService({ fetch: s.fetch, debounceMs: 1, now: () => now });
    await svc.lookup(["first@example.com"]);
    now = 1;
    for (let i = 0; i < MAX_CACHED; i += 500) await svc.lookup(emails(MAX_CACHED + 1).slice(i, i + 500));
    expect(svc.cached("first@example.com")).toBeNull();
    expect(svc.cached("p0@example.com")).not.toBeNull();
  });
});
