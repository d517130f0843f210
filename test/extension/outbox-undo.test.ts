// Undo in the durable outbox: a log still queued is dropped and never sent; one sent, being sent or perhaps sent is
// DELETEd on the server after its last possible send; the undo survives a killed service worker and a restart.
import { beforeEach, describe, expect, it } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { type InteractionBody, OUTBOX_KEYS, Outbox } from "../../extension/lib/outbox";
import type { InteractionResult } from "../../shared/contract/interactions";

/** POST /interactions/batch and DELETE /interactions/:id as the worker answers them, with a log of requests. */
function fakeServer() {
  const stored = new Set<string>();
  const removed = new Set<string>();
  const requests: string[] = [];
  const s = {
    stored,
    removed,
    requests,
    mode: "up" as "up" | "down" | "lose-answer" | "hang",
    /** Resolves a hung batch (the request reached the server and is answered late). */
    release: () => {},
    async send(bodies: InteractionBody[]): Promise<InteractionResult[]> {
      requests.push(...bodies.map((b) => `POST ${b.summary}`));
      if (s.mode === "down") throw new TypeError("Failed to fetch");
      if (s.summaryRefused(bodies)) return bodies.map((b) => ({ id: b.id, status: 400 as const }));
      for (const b of bodies) stored.add(b.id);
      if (s.mode === "lose-answer") throw new TypeError("network error after the write");
      if (s.mode === "hang") await new Promise<void>((r) => (s.release = r));
      return bodies.map((b) => ({ id: b.id, status: 201 as const }));
    },
    summaryRefused: (bodies: InteractionBody[]) => bodies.some((b) => b.summary === "refused"),
    async undo(id: string): Promise<void> {
      requests.push(`DELETE ${id}`);
      if (s.mode === "down") throw new TypeError("Failed to fetch");
      if (stored.has(id)) removed.add(id); // else a 404, which is final: nothing to undo
    },
  };
  return s;
}

let now = 1_000_000;
const make = (server: ReturnType<typeof fakeServer>) =>
  new Outbox({
    storage: browser.storage.local,
    send: (b) => server.send(b),
    undo: (id) => server.undo(id),
    now: () => now,
    random: () => 0.5,
  });
const log = (n: number, summary = `call ${n}`): InteractionBody => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  customerId: "c1",
  kind: "call",
  occurredAt: "2026-03-03T09:00:00Z",
  summary,
});

beforeEach(() => {
  fakeBrowser.reset();
  now = 1_000_000;
});

describe("Outbox undo", () => {
  it("drops a log still waiting offline: never sent, not counted, gone after a restart", async () => {
    const server = fakeServer();
    server.mode = "down";
    const outbox = make(server);
    await outbox.enqueue(log(1));
    await outbox.enqueue(log(2));
    await outbox.flush(true);
    expect((await outbox.summary()).pending).toBe(2);
    await outbox.undo(log(1).id);
    expect((await outbox.summary()).pending).toBe(1);
    server.mode = "up";
    now += 3_600_000;
    const restarted = make(server);
    await restarted.flush(true);
    expect([...server.stored]).toEqual([log(2).id]);
    // It may have reached the server in the failed attempt: a DELETE makes sure, answered "not found" here.
    expect(server.requests.slice(2)).toEqual(["POST call 2", `DELETE ${log(1).id}`]);
    expect(await restarted.pendingUndos()).toEqual([]);
    expect(Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith("outbox:q:"))).toEqual([]);
  });

  it("undoes a delivered log on the server, once", async () => {
    const server = fakeServer();
    const outbox = make(server);
    await outbox.enqueue(log(1));
    await outbox.flush(true);
    await outbox.undo(log(1).id);
    await outbox.undo(log(1).id); // a second click
    await outbox.flush(true);
    await outbox.flush(true);
    expect([...server.removed]).toEqual([log(1).id]);
    expect(server.requests.filter((r) => r.startsWith("DELETE"))).toHaveLength(1);
  });

  it("waits for a send in flight, then undoes it: the DELETE comes after the POST", async () => {
    const server = fakeServer();
    server.mode = "hang";
    const outbox = make(server);
    await outbox.enqueue(log(1));
    const flushing = outbox.flush(true);
    await new Promise((r) => setTimeout(r, 0));
    await outbox.undo(log(1).id);
    server.mode = "up";
    server.release();
    await flushing;
    expect(server.requests).toEqual(["POST call 1", `DELETE ${log(1).id}`]);
    expect([...server.removed]).toEqual([log(1).id]);
    expect((await outbox.summary()).pending).toBe(0);
  });

  it("undoes a log whose answer was lost (stored on the server, still queued here)", async () => {
    const server = fakeServer();
    server.mode = "lose-answer";
    const outbox = make(server);
    await outbox.enqueue(log(1));
    await outbox.flush(true);
    expect((await outbox.summary()).pending).toBe(1);
    await outbox.undo(log(1).id);
    server.mode = "up";
    await outbox.flush(true);
    expect([...server.removed]).toEqual([log(1).id]);
    expect(server.requests.filter((r) => r.startsWith("POST"))).toHaveLength(1); // not sent again
  });

  it("keeps an undo through an outage and a killed service worker, and backs off meanwhile", async () => {
    const server = fakeServer();
    const outbox = make(server);
    await outbox.enqueue(log(1));
    await outbox.flush(true);
    server.mode = "down";
    await outbox.undo(log(1).id);
    await outbox.flush(true);
    expect(await outbox.pendingUndos()).toEqual([log(1).id]);
    const backoff = await outbox.summary();
    expect(backoff.attempt).toBe(1);
    await make(server).flush(); // not forced: waits out the backoff
    expect(server.requests.filter((r) => r.startsWith("DELETE"))).toHaveLength(1);
    server.mode = "up";
    now = backoff.nextAt + 1;
    const revived = make(server);
    await revived.flush();
    expect([...server.removed]).toEqual([log(1).id]);
    expect(await revived.pendingUndos()).toEqual([]);
    expect((await revived.summary()).attempt).toBe(0);
  });

  it("takes a refused log off the failed list without asking the server", async () => {
    const server = fakeServer();
    const outbox = make(server);
    await outbox.enqueue(log(1, "refused"));
    await outbox.flush(true);
    expect((await outbox.failed()).map((f) => f.id)).toEqual([log(1).id]);
    await outbox.undo(log(1).id);
    await outbox.flush(true);
    expect(await outbox.failed()).toEqual([]);
    expect((await outbox.summary()).failed).toBe(0);
    expect(server.requests.filter((r) => r.startsWith("DELETE"))).toEqual([]);
    expect(await browser.storage.local.get(OUTBOX_KEYS.undo)).toEqual({});
  });
});
