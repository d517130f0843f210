// The durable outbox with WXT's fake browser storage: killed mid-flush, duplicate sends, 422 set aside, backoff; the
// per-item layout (O(1) bytes per enqueue, bounded reads per flush), the v1 migration, killed mid-removal.
import { beforeEach, describe, expect, it } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { schedule as backgroundSchedule } from "../../extension/entrypoints/background/services";
import { apiFetch, onServerReachable } from "../../extension/lib/api";
import {
  backoffMs,
  type InteractionBody,
  MAX_BATCH,
  OUTBOX_KEYS,
  Outbox,
  type OutboxOptions,
  type OutboxSummary,
  type StorageArea,
} from "../../extension/lib/outbox";
import { E2E_SCHEDULE, PRODUCTION_SCHEDULE, scheduleFor } from "../../extension/lib/schedule";
import type { InteractionResult } from "../../shared/contract/interactions";

/** A worker that is idempotent by client id, like POST /interactions/batch (issue #4). */
function fakeWorker() {
  const stored = new Map<string, string>();
  const requests: string[][] = [];
  const unanswered = new Set<string>();
  let mode: "up" | "down" | "hang" = "up";
  const send = async (bodies: InteractionBody[]): Promise<InteractionResult[]> => {
    requests.push(bodies.map((b) => b.id));
    if (mode === "down") throw new TypeError("Failed to fetch");
    const results = bodies.map((b): InteractionResult => {
      const json = JSON.stringify(b);
      if (b.summary === "bad")
        return { id: b.id, status: 422, error: { code: "conflict", message: "id reused", details: [] } };
      if (String(b.occurredAt).startsWith("2099"))
        return {
          id: b.id,
          status: 400,
          error: {
            code: "validation_failed",
            message: "The interaction is not valid.",
            details: [{ field: "occurredAt", message: "Must not be more than a day after now." }],
          },
        };
      if (!stored.has(b.id)) {
        stored.set(b.id, json);
        return { id: b.id, status: 201 };
      }
      return stored.get(b.id) === json ? { id: b.id, status: 200 } : { id: b.id, status: 422 };
    });
    if (mode === "hang") return new Promise(() => {}); // the service worker dies while waiting
    return results.filter((r) => !unanswered.has(r.id as string));
  };
  return { stored, requests, unanswered, send, set: (m: typeof mode) => (mode = m) };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const body = (n: number, summary = `call ${n}`): InteractionBody => ({
  id: uuid(n),
  email: "ana.lopes@example.org",
  kind: "call",
  occurredAt: "2026-03-03T09:00:00Z",
  summary,
});

/** storage.local as the outbox sees it, counting what each call reads and writes; `stall` makes a call never end. */
function meteredStorage() {
  const local = browser.storage.local as unknown as StorageArea;
  const m = {
    setBytes: 0,
    setCalls: 0,
    keysRead: 0,
    maxKeysPerGet: 0,
    stall: null as null | "remove" | "set",
    area: {
      async get(keys: string | string[]) {
        const n = Array.isArray(keys) ? keys.length : 1;
        m.keysRead += n;
        m.maxKeysPerGet = Math.max(m.maxKeysPerGet, n);
        return local.get(keys);
      },
      async set(items: Record<string, unknown>) {
        if (m.stall === "set") return new Promise<void>(() => {});
        m.setCalls++;
        for (const [k, v] of Object.entries(items)) m.setBytes += k.length + JSON.stringify(v).length;
        return local.set(items);
      },
      async remove(keys: string | string[]) {
        if (m.stall === "remove") return new Promise<void>(() => {});
        return local.remove(keys);
      },
    } satisfies StorageArea,
  };
  return m;
}

let now = 1_000_000;
const make = (worker: ReturnType<typeof fakeWorker>, extra: Partial<OutboxOptions> = {}) =>
  new Outbox({ storage: browser.storage.local, send: worker.send, now: () => now, random: () => 0.5, ...extra });

const allKeys = async () => Object.keys(await browser.storage.local.get(null));

beforeEach(() => {
  fakeBrowser.reset();
  now = 1_000_000;
});

describe("Outbox", () => {
  it("keeps items in storage.local until the server answered 201, then removes them", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await outbox.enqueue(body(1));
    const stored = await browser.storage.local.get([OUTBOX_KEYS.item(0), OUTBOX_KEYS.id(body(1).id)]);
    expect(stored).toMatchObject({ [OUTBOX_KEYS.item(0)]: { body: { id: body(1).id } }, [OUTBOX_KEYS.id(uuid(1))]: 0 });
    await outbox.flush();
    expect(worker.stored.size).toBe(1);
    expect((await outbox.snapshot()).items).toEqual([]);
    expect((await allKeys()).sort()).toEqual([OUTBOX_KEYS.meta]); // item and id marker both gone
  });

  it("loses nothing when the service worker is killed mid-flush, and the resend is stored once", async () => {
    const worker = fakeWorker();
    worker.set("hang");
    await make(worker).enqueue(body(1));
    void make(worker).flush(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(worker.stored.size).toBe(1);
    // A new service worker reads the same storage.
    worker.set("up");
    const revived = make(worker);
    expect((await revived.snapshot()).items).toHaveLength(1);
    await revived.flush(true);
    expect((await revived.snapshot()).items).toEqual([]);
    expect(worker.requests.flat()).toEqual([body(1).id, body(1).id]);
    expect(worker.stored.size).toBe(1);
  });

  it("ignores a duplicate enqueue of the same client id", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await Promise.all([outbox.enqueue(body(1)), outbox.enqueue(body(1)), outbox.enqueue(body(2))]);
    expect((await outbox.snapshot()).items.map((i) => i.body.id)).toEqual([body(1).id, body(2).id]);
    expect((await outbox.summary()).pending).toBe(2);
  });

  it("sets a 422 aside with its reason, never dropping it silently, and sends the rest", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await outbox.enqueue(body(1, "bad"));
    await outbox.enqueue(body(2));
    await outbox.flush();
    const state = await outbox.snapshot();
    expect(state.items).toEqual([]);
    expect(state.failed).toMatchObject([{ id: body(1).id, status: 422, reason: "id reused", summary: "bad" }]);
    expect(await outbox.summary()).toMatchObject({ pending: 0, failed: 1 });
    await outbox.dismissFailed(body(1).id);
    expect((await outbox.snapshot()).failed).toEqual([]);
    expect(await outbox.summary()).toMatchObject({ pending: 0, failed: 0 });
  });

  it("keeps the field and message the server named in a refused item's reason", async () => {
    const outbox = make(fakeWorker());
    await outbox.enqueue({ ...body(1), occurredAt: "2099-01-01T00:00:00Z" });
    await outbox.flush();
    expect((await outbox.snapshot()).failed).toMatchObject([
      { status: 400, reason: "The interaction is not valid. occurredAt: Must not be more than a day after now." },
    ]);
  });

  it("puts a retried failed item back at the end of the queue, in one write", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await outbox.enqueue(body(1, "bad"));
    await outbox.flush();
    await outbox.enqueue(body(2));
    await outbox.retryFailed(body(1).id);
    const state = await outbox.snapshot();
    expect(state.items.map((i) => i.body.id)).toEqual([body(2).id, body(1).id]);
    expect(state.failed).toEqual([]);
    expect(await outbox.summary()).toMatchObject({ pending: 2, failed: 0 });
  });

  it("backs off exponentially while the server is down and sends once it is back", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    worker.set("down");
    await outbox.enqueue(body(1));
    await outbox.flush();
    let state = await outbox.snapshot();
    expect(state).toMatchObject({ attempt: 1, nextAt: now + 30_000 });
    await outbox.flush(); // the alarm fires too early: nothing sent
    expect(worker.requests).toHaveLength(1);
    now += 30_000;
    await outbox.flush();
    state = await outbox.snapshot();
    expect(state).toMatchObject({ attempt: 2, nextAt: now + 60_000 });
    worker.set("up");
    await outbox.flush(true); // reconnect / startup ignore the backoff
    state = await outbox.snapshot();
    expect(state).toMatchObject({ items: [], attempt: 0, nextAt: 0 });
    expect(worker.stored.size).toBe(1);
  });

  it("does not lose an item enqueued while a flush is in flight", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await outbox.enqueue(body(1));
    const flushing = outbox.flush();
    await outbox.enqueue(body(2));
    await flushing;
    await outbox.flush(true);
    expect([...worker.stored.keys()].sort()).toEqual([body(1).id, body(2).id]);
    expect((await outbox.snapshot()).items).toEqual([]);
    expect((await outbox.summary()).pending).toBe(0);
  });

  it("keeps the badge count right through enqueue, a failed flush, a 422 and a drain", async () => {
    const worker = fakeWorker();
    const seen: OutboxSummary[] = [];
    const outbox = make(worker, { onChange: (s) => seen.push(s) });
    worker.set("down");
    for (let n = 1; n <= 3; n++) await outbox.enqueue(body(n, n === 2 ? "bad" : `call ${n}`));
    await outbox.flush();
    expect(seen.map((s) => [s.pending, s.failed])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [3, 0], // backing off
    ]);
    worker.set("up");
    await outbox.flush(true);
    expect(seen.at(-1)).toMatchObject({ pending: 0, failed: 1, attempt: 0 });
  });
});

describe("Outbox storage layout", () => {
  it("writes O(1) bytes per enqueue: the 1,000th costs what the 1st did", async () => {
    const worker = fakeWorker();
    const m = meteredStorage();
    const outbox = make(worker, { storage: m.area });
    const bytes: number[] = [];
    const reads: number[] = [];
    for (let n = 0; n < 1000; n++) {
      const [b0, r0] = [m.setBytes, m.keysRead];
      await outbox.enqueue(body(n));
      bytes.push(m.setBytes - b0);
      reads.push(m.keysRead - r0);
    }
    const itemBytes = JSON.stringify({ body: body(0), queuedAt: now }).length;
    // Item + id marker + meta: a constant (the seq gains digits: 0 → 999 adds a few bytes to three keys/values).
    expect(Math.max(...bytes) - Math.min(...bytes)).toBeLessThanOrEqual(12);
    expect(Math.max(...bytes)).toBeLessThan(itemBytes + 250);
    expect(Math.max(...reads.slice(1))).toBe(2); // meta + the id marker
    // v1 rewrote the whole queue: the n-th enqueue wrote ≈ n · itemBytes, ≈ 1,000 × more by the end.
    const total = bytes.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(1000 * (itemBytes + 250));
    expect((await outbox.summary()).pending).toBe(1000);
  });

  it("writes only the small meta key when a flush fails, however long the queue", async () => {
    const worker = fakeWorker();
    const m = meteredStorage();
    const outbox = make(worker, { storage: m.area });
    for (let n = 0; n < 500; n++) await outbox.enqueue(body(n));
    worker.set("down");
    const b0 = m.setBytes;
    await outbox.flush(true);
    expect(m.setBytes - b0).toBeLessThan(200);
  });

  it("flushes in enqueue order in batches of ≤ 100, reading at most 100 keys at a time", async () => {
    const worker = fakeWorker();
    const m = meteredStorage();
    const outbox = make(worker, { storage: m.area });
    for (let n = 0; n < 250; n++) await outbox.enqueue(body(n));
    m.maxKeysPerGet = 0;
    await outbox.flush(true);
    expect(worker.requests.map((r) => r.length)).toEqual([100, 100, 50]);
    expect(worker.requests.flat()).toEqual(Array.from({ length: 250 }, (_, n) => uuid(n)));
    expect(m.maxKeysPerGet).toBeLessThanOrEqual(MAX_BATCH);
    expect(await allKeys()).toEqual([OUTBOX_KEYS.meta]);
    expect(await outbox.summary()).toMatchObject({ pending: 0, failed: 0 });
  });

  it("sends the rest past an item the server left unanswered, and keeps that one", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    for (let n = 0; n < 150; n++) await outbox.enqueue(body(n));
    worker.unanswered.add(uuid(0));
    await outbox.flush(true); // 1..99 answered, 0 not: the rest waits for the next trigger
    await outbox.flush(true); // 0 again, with 100..149 behind the gap
    expect(worker.requests.map((r) => r.length)).toEqual([100, 51]);
    expect(worker.stored.size).toBe(150);
    expect((await outbox.snapshot()).items.map((i) => i.body.id)).toEqual([uuid(0)]);
    expect((await outbox.summary()).pending).toBe(1);
    worker.unanswered.clear();
    await outbox.flush(true);
    expect(await outbox.summary()).toMatchObject({ pending: 0 });
    expect(await allKeys()).toEqual([OUTBOX_KEYS.meta]);
  });

  it("finishes the removal of an acknowledged batch when the service worker was killed in the middle", async () => {
    const worker = fakeWorker();
    const m = meteredStorage();
    const first = make(worker, { storage: m.area });
    for (let n = 1; n <= 3; n++) await first.enqueue(body(n, n === 2 ? "bad" : `call ${n}`));
    m.stall = "remove"; // killed after the failed item was set aside, before the sent keys were removed
    void first.flush(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(worker.requests).toHaveLength(1);
    const revived = make(worker); // the next service worker
    const state = await revived.snapshot();
    expect(state.items).toEqual([]);
    expect(state.failed.map((f) => f.id)).toEqual([uuid(2)]);
    expect(await revived.summary()).toMatchObject({ pending: 0, failed: 1 });
    await revived.flush(true);
    expect(worker.requests).toHaveLength(1); // nothing sent twice
    expect((await allKeys()).sort()).toEqual([OUTBOX_KEYS.failed, OUTBOX_KEYS.meta]);
  });

  it("loses nothing when killed before the acknowledgement was written: resent, stored once", async () => {
    const worker = fakeWorker();
    const m = meteredStorage();
    const first = make(worker, { storage: m.area });
    await first.enqueue(body(1));
    m.stall = "set";
    void first.flush(true);
    await new Promise((r) => setTimeout(r, 20));
    const revived = make(worker);
    expect((await revived.summary()).pending).toBe(1);
    await revived.flush(true);
    expect(worker.requests.flat()).toEqual([uuid(1), uuid(1)]);
    expect(worker.stored.size).toBe(1);
    expect((await revived.summary()).pending).toBe(0);
  });
});

describe("migration of the v1 outbox (everything in storage.local.outbox)", () => {
  const v1 = (n: number) => ({
    items: Array.from({ length: n }, (_, i) => ({ body: body(i), queuedAt: 500 + i })),
    failed: [
      {
        id: uuid(900),
        summary: "bad",
        status: 422,
        reason: "id reused",
        failedAt: "2026-03-03T09:00:00.000Z",
        body: body(900, "bad"),
      },
    ],
    attempt: 3,
    nextAt: now + 120_000,
  });

  it("moves the queue, the failed items and the backoff into the per-item layout on start-up, in order", async () => {
    await browser.storage.local.set({ outbox: v1(150) });
    const worker = fakeWorker();
    const seen: OutboxSummary[] = [];
    const outbox = make(worker, { onChange: (s) => seen.push(s) });
    expect(await outbox.summary()).toEqual({ pending: 150, failed: 1, attempt: 3, nextAt: now + 120_000 });
    expect((await browser.storage.local.get("outbox")).outbox).toBeUndefined();
    const state = await outbox.snapshot();
    expect(state.items.map((i) => i.body.id)).toEqual(Array.from({ length: 150 }, (_, i) => uuid(i)));
    expect(state.items[0]).toEqual({ body: body(0), queuedAt: 500 });
    expect(state.failed).toMatchObject([{ id: uuid(900), body: { summary: "bad" } }]);
    await outbox.flush(); // still backing off, as before the update
    expect(worker.requests).toEqual([]);
    await outbox.flush(true);
    expect(worker.requests.flat()).toEqual(Array.from({ length: 150 }, (_, i) => uuid(i)));
    expect(await outbox.summary()).toMatchObject({ pending: 0, failed: 1 });
    await outbox.retryFailed(uuid(900));
    expect((await outbox.snapshot()).items.map((i) => i.body.id)).toEqual([uuid(900)]);
  });

  it("is idempotent: killed after writing the new keys but before removing the old one, nothing is doubled", async () => {
    await browser.storage.local.set({ outbox: v1(5) });
    const m = meteredStorage();
    m.stall = "remove";
    void make(fakeWorker(), { storage: m.area }).summary();
    await new Promise((r) => setTimeout(r, 20));
    expect((await browser.storage.local.get("outbox")).outbox).toBeDefined(); // the old key is still there
    const outbox = make(fakeWorker());
    expect(await outbox.summary()).toMatchObject({ pending: 5, failed: 1 });
    expect((await outbox.snapshot()).items.map((i) => i.body.id)).toEqual([0, 1, 2, 3, 4].map(uuid));
    expect((await browser.storage.local.get("outbox")).outbox).toBeUndefined();
  });

  it("enqueues after the migrated items", async () => {
    await browser.storage.local.set({ outbox: v1(2) });
    const outbox = make(fakeWorker());
    await outbox.enqueue(body(7));
    expect((await outbox.snapshot()).items.map((i) => i.body.id)).toEqual([uuid(0), uuid(1), uuid(7)]);
  });
});

describe("flushed on reconnect", () => {
  it("sends at once when a request succeeds again while the outbox is backing off", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await outbox.serverReachable(); // nothing queued: nothing sent
    worker.set("down");
    await outbox.enqueue(body(1));
    await outbox.flush(true);
    expect(await outbox.summary()).toMatchObject({ pending: 1, attempt: 1 });
    worker.set("up");
    await outbox.serverReachable(); // no clock advance, no alarm
    expect(await outbox.summary()).toMatchObject({ pending: 0, attempt: 0 });
    expect(worker.requests).toHaveLength(2);
    await outbox.enqueue(body(2));
    await outbox.serverReachable(); // not backing off: the enqueue's own flush is the sender, no extra request
    expect(worker.requests).toHaveLength(2);
  });

  it("apiFetch reports every answer below 400 (a lookup, /me, a search), not errors", async () => {
    let calls = 0;
    onServerReachable(() => calls++);
    const connection = { serverUrl: "https://crm.example.com", token: "t" };
    const answer = (status: number) => async () => new Response(status === 304 ? null : "{}", { status });
    try {
      await apiFetch(connection, "/lookup", { body: { emails: [] }, fetchImpl: answer(200) });
      await apiFetch(connection, "/lookup", { body: { emails: [] }, fetchImpl: answer(304) });
      await expect(apiFetch(connection, "/me", { fetchImpl: answer(503) })).rejects.toThrow();
      await expect(
        apiFetch(connection, "/me", {
          fetchImpl: async () => {
            throw new TypeError("Failed to fetch");
          },
        }),
      ).rejects.toThrow();
      expect(calls).toBe(2);
    } finally {
      onServerReachable(null);
    }
  });
});

describe("flush schedule", () => {
  it("production is the documented one: 1-minute alarm, 30 s … 30 min backoff, ±20 %", () => {
    expect(PRODUCTION_SCHEDULE).toEqual({
      alarmPeriodMinutes: 1,
      backoffBaseMs: 30_000,
      backoffCapMs: 1_800_000,
      jitter: 0.2,
    });
    for (const mode of ["production", "development", "test", undefined])
      expect(scheduleFor(mode)).toBe(PRODUCTION_SCHEDULE);
    expect(backgroundSchedule).toBe(PRODUCTION_SCHEDULE); // what the background's alarm and outbox use outside e2e
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffMs(a, () => 0.5))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000,
    ]);
  });

  it("caps the backoff at 30 minutes with ±20 % jitter", () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(4, () => 0.5)).toBe(240_000);
    expect(backoffMs(20, () => 0.5)).toBe(1_800_000);
    expect(backoffMs(20, () => 1)).toBe(2_160_000);
    expect(backoffMs(1, () => 0)).toBe(24_000);
  });

  it("the e2e build retries within seconds, and an injected schedule drives the outbox's backoff", async () => {
    expect(scheduleFor("e2e")).toBe(E2E_SCHEDULE);
    expect(E2E_SCHEDULE.alarmPeriodMinutes).toBeLessThan(PRODUCTION_SCHEDULE.alarmPeriodMinutes);
    expect(backoffMs(50, () => 1, E2E_SCHEDULE)).toBeLessThanOrEqual(3_600);
    const worker = fakeWorker();
    worker.set("down");
    const outbox = make(worker, { schedule: E2E_SCHEDULE });
    await outbox.enqueue(body(1));
    await outbox.flush(true);
    expect(await outbox.summary()).toMatchObject({ attempt: 1, nextAt: now + 1_000 });
  });
});
