// The durable outbox with WXT's fake browser storage: killed mid-flush, duplicate sends, 422 set aside, backoff.
import { beforeEach, describe, expect, it } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { backoffMs, type InteractionBody, Outbox } from "../../extension/lib/outbox";
import type { InteractionResult } from "../../shared/contract/interactions";

/** A worker that is idempotent by client id, like POST /interactions/batch (issue #4). */
function fakeWorker() {
  const stored = new Map<string, string>();
  const requests: string[][] = [];
  let mode: "up" | "down" | "hang" = "up";
  const send = async (bodies: InteractionBody[]): Promise<InteractionResult[]> => {
    requests.push(bodies.map((b) => b.id));
    if (mode === "down") throw new TypeError("Failed to fetch");
    const results = bodies.map((b): InteractionResult => {
      const json = JSON.stringify(b);
      if (b.summary === "bad")
        return { id: b.id, status: 422, error: { code: "conflict", message: "id reused", details: [] } };
      if (!stored.has(b.id)) {
        stored.set(b.id, json);
        return { id: b.id, status: 201 };
      }
      return stored.get(b.id) === json ? { id: b.id, status: 200 } : { id: b.id, status: 422 };
    });
    if (mode === "hang") return new Promise(() => {}); // the service worker dies while waiting
    return results;
  };
  return { stored, requests, send, set: (m: typeof mode) => (mode = m) };
}

const body = (n: number, summary = `call ${n}`): InteractionBody => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  email: "ana.lopes@example.org",
  kind: "call",
  occurredAt: "2026-03-03T09:00:00Z",
  summary,
});

let now = 1_000_000;
const make = (worker: ReturnType<typeof fakeWorker>) =>
  new Outbox({ storage: browser.storage.local, send: worker.send, now: () => now, random: () => 0.5 });

beforeEach(() => {
  fakeBrowser.reset();
  now = 1_000_000;
});

describe("Outbox", () => {
  it("keeps items in storage.local until the server answered 201, then removes them", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await outbox.enqueue(body(1));
    expect((await browser.storage.local.get("outbox")).outbox).toMatchObject({ items: [{ body: { id: body(1).id } }] });
    await outbox.flush();
    expect(worker.stored.size).toBe(1);
    expect((await outbox.read()).items).toEqual([]);
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
    expect((await revived.read()).items).toHaveLength(1);
    await revived.flush(true);
    expect((await revived.read()).items).toEqual([]);
    expect(worker.requests.flat()).toEqual([body(1).id, body(1).id]);
    expect(worker.stored.size).toBe(1);
  });

  it("ignores a duplicate enqueue of the same client id", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await Promise.all([outbox.enqueue(body(1)), outbox.enqueue(body(1)), outbox.enqueue(body(2))]);
    expect((await outbox.read()).items.map((i) => i.body.id)).toEqual([body(1).id, body(2).id]);
  });

  it("sets a 422 aside with its reason, never dropping it silently, and sends the rest", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    await outbox.enqueue(body(1, "bad"));
    await outbox.enqueue(body(2));
    await outbox.flush();
    const state = await outbox.read();
    expect(state.items).toEqual([]);
    expect(state.failed).toMatchObject([{ id: body(1).id, status: 422, reason: "id reused", summary: "bad" }]);
    await outbox.dismissFailed(body(1).id);
    expect((await outbox.read()).failed).toEqual([]);
  });

  it("backs off exponentially while the server is down and sends once it is back", async () => {
    const worker = fakeWorker();
    const outbox = make(worker);
    worker.set("down");
    await outbox.enqueue(body(1));
    await outbox.flush();
    let state = await outbox.read();
    expect(state).toMatchObject({ attempt: 1, nextAt: now + 30_000 });
    await outbox.flush(); // the alarm fires too early: nothing sent
    expect(worker.requests).toHaveLength(1);
    now += 30_000;
    await outbox.flush();
    state = await outbox.read();
    expect(state).toMatchObject({ attempt: 2, nextAt: now + 60_000 });
    worker.set("up");
    await outbox.flush(true); // reconnect / startup ignore the backoff
    state = await outbox.read();
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
    expect((await outbox.read()).items).toEqual([]);
  });

  it("caps the backoff at 30 minutes with ±20 % jitter", () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(4, () => 0.5)).toBe(240_000);
    expect(backoffMs(20, () => 0.5)).toBe(1_800_000);
    expect(backoffMs(20, () => 1)).toBe(2_160_000);
    expect(backoffMs(1, () => 0)).toBe(24_000);
  });
});
