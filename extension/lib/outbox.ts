// The durable outbox: interactions wait in storage.local with client UUIDs until the server answered 200/201 for them.
//
// Layout (v2): one key per queued interaction, so enqueueing writes O(1) bytes however long the queue is.
//   outbox:q:<seq>     {body, queuedAt}   the item; seq grows by one per enqueue (the send order)
//   outbox:id:<uuid>   seq                 marks a client id as queued (a second enqueue of it is ignored)
//   outbox:meta        {head, tail, count, failedCount, attempt, nextAt, removing?}   small, rewritten per change
//   outbox:failed      [FailedItem & {body}]   refused items (400/404/422) with their reason, until retry/dismiss
//   outbox:undo        [uuid]               items the user undid that may be on the server: DELETEd after the queue
// Every change is one storage.local.set of several keys, which Chrome applies atomically (one LevelDB write
// batch), except removing an acknowledged batch: the keys are first listed in meta.removing (in the same write that
// sets the failed items aside), then removed, then the list is cleared; a service worker killed in between finishes
// the removal when the next one starts. The v1 layout (everything in `outbox`) is migrated on start-up.
import type { InteractionResult } from "../../shared/contract";
import {
  type Batch,
  EMPTY_META,
  type FailedEntry,
  type InteractionBody,
  isItem,
  MAX_BATCH,
  OUTBOX_KEYS,
  type OutboxItem,
  type OutboxMeta,
  type OutboxOptions,
  type OutboxState,
  type OutboxSummary,
  reasonOf,
  type StorageArea,
  summarise,
  undoList,
} from "./outbox-layout";
import { backoffMs, type FlushSchedule, PRODUCTION_SCHEDULE } from "./schedule";

export * from "./outbox-layout";
export { backoffMs } from "./schedule";

export class Outbox {
  private lock: Promise<unknown> = Promise.resolve();
  private recovered = false;
  private flushing: Promise<void> | null = null;
  /** Ids of the batch being sent: an undo cannot take them back from the request, so it DELETEs them after. */
  private inFlight = new Set<string>();
  private readonly now: () => number;
  private readonly schedule: Readonly<FlushSchedule>;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.schedule = options.schedule ?? PRODUCTION_SCHEDULE;
  }

  private get storage(): StorageArea {
    return this.options.storage;
  }

  /** One storage transaction at a time; the first one migrates v1 and finishes an interrupted removal. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(async () => {
      if (!this.recovered) {
        await this.recover();
        this.recovered = true;
      }
      return fn();
    });
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async meta(): Promise<OutboxMeta> {
    const stored = (await this.storage.get(OUTBOX_KEYS.meta))[OUTBOX_KEYS.meta] as Partial<OutboxMeta> | undefined;
    return { ...EMPTY_META, ...(stored ?? {}) };
  }

  private async failedList(): Promise<FailedEntry[]> {
    const stored = (await this.storage.get(OUTBOX_KEYS.failed))[OUTBOX_KEYS.failed];
    return Array.isArray(stored) ? (stored as FailedEntry[]) : [];
  }

  private changed(meta: OutboxMeta): void {
    this.options.onChange?.(summarise(meta));
  }

  /** Start-up: move a v1 queue into the per-item layout (idempotent), then finish a removal cut off by a kill. */
  private async recover(): Promise<void> {
    const got = await this.storage.get([OUTBOX_KEYS.legacy, OUTBOX_KEYS.meta, OUTBOX_KEYS.failed]);
    let meta: OutboxMeta = { ...EMPTY_META, ...((got[OUTBOX_KEYS.meta] as Partial<OutboxMeta> | undefined) ?? {}) };
    const legacy = got[OUTBOX_KEYS.legacy] as Partial<OutboxState> | undefined;
    if (legacy && typeof legacy === "object") {
      const items = (Array.isArray(legacy.items) ? legacy.items : []).filter(isItem);
      // Killed after writing the new keys but before removing `outbox`: the id markers say what already moved.
      const markers = items.length > 0 ? await this.storage.get(items.map((i) => OUTBOX_KEYS.id(i.body.id))) : {};
      const write: Record<string, unknown> = {};
      let { tail, count } = meta;
      for (const item of items) {
        const idKey = OUTBOX_KEYS.id(item.body.id);
        if (markers[idKey] !== undefined || write[idKey] !== undefined) continue;
        write[OUTBOX_KEYS.item(tail)] = item;
        write[idKey] = tail;
        tail++;
        count++;
      }
      const failed = Array.isArray(got[OUTBOX_KEYS.failed]) ? [...(got[OUTBOX_KEYS.failed] as FailedEntry[])] : [];
      const known = new Set(failed.map((f) => f.id));
      for (const f of Array.isArray(legacy.failed) ? (legacy.failed as FailedEntry[]) : []) {
        if (!known.has(f.id)) failed.push(f);
        known.add(f.id);
      }
      meta = {
        ...meta,
        tail,
        count,
        failedCount: failed.length,
        attempt: Math.max(meta.attempt, Number(legacy.attempt) || 0),
        nextAt: Math.max(meta.nextAt, Number(legacy.nextAt) || 0),
      };
      await this.storage.set({ ...write, [OUTBOX_KEYS.failed]: failed, [OUTBOX_KEYS.meta]: meta });
      await this.storage.remove(OUTBOX_KEYS.legacy);
    }
    if (meta.removing?.length) {
      await this.storage.remove(meta.removing);
      const { removing: _, ...rest } = meta;
      meta = rest;
      await this.storage.set({ [OUTBOX_KEYS.meta]: meta });
    }
  }

  /** Pending and failed counts, attempt and nextAt: one small key. */
  summary(): Promise<OutboxSummary> {
    return this.exclusive(async () => summarise(await this.meta()));
  }

  /** The refused items, for the popup. */
  failed(): Promise<FailedEntry[]> {
    return this.exclusive(() => this.failedList());
  }

  /** Everything, in send order: reads every queued key (tests and diagnostics only). */
  snapshot(): Promise<OutboxState> {
    return this.exclusive(async () => {
      const meta = await this.meta();
      const { items } = await this.scan(meta, Number.POSITIVE_INFINITY);
      return {
        items: items.map((i) => i.item),
        failed: await this.failedList(),
        attempt: meta.attempt,
        nextAt: meta.nextAt,
      };
    });
  }

  /** Writes the item, its id marker and the bumped meta in one set: a few hundred bytes, whatever is queued. */
  enqueue(body: InteractionBody): Promise<void> {
    return this.exclusive(async () => {
      const idKey = OUTBOX_KEYS.id(body.id);
      const got = await this.storage.get([OUTBOX_KEYS.meta, idKey]);
      if (got[idKey] !== undefined) return; // already queued
      const meta: OutboxMeta = { ...EMPTY_META, ...((got[OUTBOX_KEYS.meta] as Partial<OutboxMeta>) ?? {}) };
      const next = { ...meta, tail: meta.tail + 1, count: meta.count + 1 };
      const item: OutboxItem = { body, queuedAt: this.now() };
      await this.storage.set({ [OUTBOX_KEYS.item(meta.tail)]: item, [idKey]: meta.tail, [OUTBOX_KEYS.meta]: next });
      this.changed(next);
    });
  }

  /** Sends what is due; `force` ignores the backoff (reconnect, startup, a new item). One flush at a time. */
  flush(force = false): Promise<void> {
    this.flushing ??= this.doFlush(force).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /**
   * A request to the server just succeeded. If the last flush failed (the outbox is backing off), send now rather
   * than after the backoff and the next alarm tick: "flushed on reconnect".
   */
  async serverReachable(): Promise<void> {
    if (this.flushing) return;
    const meta = await this.exclusive(() => this.meta());
    if (meta.attempt > 0 && meta.head < meta.tail) await this.flush(true);
  }

  /** Reads keys from meta.head on, in order, until `limit` items or the tail (windows of MAX_BATCH keys). */
  private async scan(meta: OutboxMeta, limit: number): Promise<Batch> {
    const skip = new Set(meta.removing ?? []);
    const items: Batch["items"] = [];
    let seq = meta.head;
    while (items.length < limit && seq < meta.tail) {
      const keys: string[] = [];
      for (let s = seq; s < Math.min(meta.tail, seq + MAX_BATCH); s++) keys.push(OUTBOX_KEYS.item(s));
      const got = await this.storage.get(keys);
      for (const key of keys) {
        const value = got[key];
        if (isItem(value) && !skip.has(key)) items.push({ seq, item: value });
        seq++;
        if (items.length >= limit) break;
      }
    }
    return { items, end: seq, tail: meta.tail };
  }

  private async doFlush(force: boolean): Promise<void> {
    for (;;) {
      const batch = await this.exclusive(async () => {
        const meta = await this.meta();
        if (!force && this.now() < meta.nextAt) return "wait";
        if (meta.head >= meta.tail) return "empty";
        const read = await this.scan(meta, MAX_BATCH);
        if (read.items.length === 0) {
          // Nothing left in [head, tail): the count is exactly zero (heals a count that drifted).
          const next = { ...meta, head: read.end, count: 0 };
          await this.storage.set({ [OUTBOX_KEYS.meta]: next });
          this.changed(next);
          return "empty";
        }
        this.inFlight = new Set(read.items.map((i) => i.item.body.id));
        return read;
      });
      if (batch === "wait") return;
      if (batch === "empty") return this.sendUndos();
      const bodies = batch.items.map((i) => i.item.body);
      let results: InteractionResult[];
      try {
        results = await this.options.send(bodies);
      } catch {
        await this.exclusive(async () => {
          this.inFlight.clear();
          await this.backOff();
        });
        return;
      }
      const byId = new Map(results.map((r) => [r.id, r]));
      await this.exclusive(() => {
        this.inFlight.clear();
        return this.settle(batch, byId);
      });
      if (!bodies.every((b) => byId.has(b.id))) return; // partial answer: the rest waits for the next alarm
      force = true;
    }
  }

  /** One more failed flush: the next waits out the backoff. */
  private async backOff(): Promise<void> {
    const meta = await this.meta();
    const attempt = meta.attempt + 1;
    const next = { ...meta, attempt, nextAt: this.now() + backoffMs(attempt, this.options.random, this.schedule) };
    await this.storage.set({ [OUTBOX_KEYS.meta]: next });
    this.changed(next);
  }

  /**
   * The user takes back a logged interaction. Still queued and not being sent: it is dropped. Being sent, sent, or
   * perhaps sent (a request whose answer was lost): its id joins the undo list, DELETEd once the queue is empty, so
   * after any send of it. Refused earlier (failed list): it was never stored, so it only leaves that list.
   */
  undo(id: string): Promise<void> {
    return this.exclusive(async () => {
      const idKey = OUTBOX_KEYS.id(id);
      const got = await this.storage.get([OUTBOX_KEYS.meta, idKey, OUTBOX_KEYS.undo]);
      const failed = await this.failedList();
      let meta: OutboxMeta = { ...EMPTY_META, ...((got[OUTBOX_KEYS.meta] as Partial<OutboxMeta>) ?? {}) };
      const write: Record<string, unknown> = {};
      if (failed.some((f) => f.id === id)) {
        const rest = failed.filter((f) => f.id !== id);
        write[OUTBOX_KEYS.failed] = rest;
        meta = { ...meta, failedCount: rest.length };
      } else {
        const undos = undoList(got[OUTBOX_KEYS.undo]);
        if (!undos.includes(id)) write[OUTBOX_KEYS.undo] = [...undos, id];
      }
      const seq = got[idKey];
      const removing = typeof seq === "number" && !this.inFlight.has(id) ? [OUTBOX_KEYS.item(seq), idKey] : [];
      if (removing.length > 0) meta = { ...meta, count: Math.max(0, meta.count - 1) };
      // As when settling: the keys to remove are listed in the same write, so a kill in between finishes it.
      await this.storage.set({ ...write, [OUTBOX_KEYS.meta]: { ...meta, ...(removing.length ? { removing } : {}) } });
      if (removing.length > 0) {
        await this.storage.remove(removing);
        await this.storage.set({ [OUTBOX_KEYS.meta]: meta });
      }
      this.changed(meta);
    });
  }

  /** The undone ids still to DELETE on the server (tests and diagnostics). */
  pendingUndos(): Promise<string[]> {
    return this.exclusive(async () => undoList((await this.storage.get(OUTBOX_KEYS.undo))[OUTBOX_KEYS.undo]));
  }

  /** With the queue empty (nothing can create them any more): DELETEs the undone ids, each once it is answered. */
  private async sendUndos(): Promise<void> {
    const undo = this.options.undo;
    if (!undo) return;
    for (;;) {
      const [id] = await this.pendingUndos();
      if (id === undefined) return;
      try {
        await undo(id);
      } catch {
        await this.exclusive(() => this.backOff());
        return;
      }
      await this.exclusive(async () => {
        const got = await this.storage.get([OUTBOX_KEYS.undo, OUTBOX_KEYS.meta]);
        const meta: OutboxMeta = { ...EMPTY_META, ...((got[OUTBOX_KEYS.meta] as Partial<OutboxMeta>) ?? {}) };
        const next = { ...meta, attempt: 0, nextAt: 0 }; // the server answered: no more backing off
        const undos = undoList(got[OUTBOX_KEYS.undo]).filter((u) => u !== id);
        await this.storage.set({ [OUTBOX_KEYS.undo]: undos, [OUTBOX_KEYS.meta]: next });
        this.changed(next);
      });
    }
  }

  /** Removes answered items: 200/201 done, 400/404/422 set aside with the reason; unanswered stay queued. */
  private async settle(batch: Batch, byId: Map<string | null, InteractionResult>): Promise<void> {
    const meta = await this.meta();
    const answered = batch.items.filter((i) => byId.has(i.item.body.id));
    const unanswered = batch.items.filter((i) => !byId.has(i.item.body.id));
    const refused: FailedEntry[] = [];
    for (const { item } of answered) {
      const r = byId.get(item.body.id) as InteractionResult;
      if (r.status === 200 || r.status === 201) continue;
      refused.push({
        id: item.body.id,
        summary: item.body.summary,
        ...(item.body.email ? { email: item.body.email } : {}),
        status: r.status,
        reason: reasonOf(r),
        failedAt: new Date(this.now()).toISOString(),
        body: item.body,
      });
    }
    const removing = answered.flatMap(({ seq, item }) => [OUTBOX_KEYS.item(seq), OUTBOX_KEYS.id(item.body.id)]);
    const write: Record<string, unknown> = {};
    let failedCount = meta.failedCount;
    if (refused.length > 0) {
      const failed = await this.failedList();
      const known = new Set(failed.map((f) => f.id));
      for (const f of refused) if (!known.has(f.id)) failed.push(f);
      write[OUTBOX_KEYS.failed] = failed;
      failedCount = failed.length;
    }
    const next: OutboxMeta = {
      ...meta,
      head: Math.max(meta.head, unanswered[0]?.seq ?? batch.end),
      // The batch reached the tail: exact (what stays + what was enqueued while sending); else count down.
      count:
        batch.end >= batch.tail
          ? unanswered.length + (meta.tail - batch.tail)
          : Math.max(0, meta.count - answered.length),
      failedCount,
      attempt: 0,
      nextAt: 0,
    };
    // 1. failed items set aside + the keys to remove, atomically; 2. remove; 3. clear the list.
    await this.storage.set({ ...write, [OUTBOX_KEYS.meta]: { ...next, removing } });
    if (removing.length > 0) await this.storage.remove(removing);
    await this.storage.set({ [OUTBOX_KEYS.meta]: next });
    this.changed(next);
  }

  /** Back into the queue (at its end) in one write: failed list, item, id marker and meta together. */
  retryFailed(id: string): Promise<void> {
    return this.exclusive(async () => {
      const failed = await this.failedList();
      const entry = failed.find((f) => f.id === id);
      if (!entry?.body) return;
      const rest = failed.filter((f) => f.id !== id);
      const meta = await this.meta();
      const idKey = OUTBOX_KEYS.id(id);
      const queued = (await this.storage.get(idKey))[idKey] !== undefined;
      const next: OutboxMeta = {
        ...meta,
        failedCount: rest.length,
        ...(queued ? {} : { tail: meta.tail + 1, count: meta.count + 1 }),
      };
      await this.storage.set({
        [OUTBOX_KEYS.failed]: rest,
        [OUTBOX_KEYS.meta]: next,
        ...(queued
          ? {}
          : { [OUTBOX_KEYS.item(meta.tail)]: { body: entry.body, queuedAt: this.now() }, [idKey]: meta.tail }),
      });
      this.changed(next);
    });
  }

  /** Only on the user's explicit request: a failed item is never dropped silently. */
  dismissFailed(id: string): Promise<void> {
    return this.exclusive(async () => {
      const failed = await this.failedList();
      const rest = failed.filter((f) => f.id !== id);
      if (rest.length === failed.length) return;
      const next = { ...(await this.meta()), failedCount: rest.length };
      await this.storage.set({ [OUTBOX_KEYS.failed]: rest, [OUTBOX_KEYS.meta]: next });
      this.changed(next);
    });
  }
}
