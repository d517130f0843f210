// The durable outbox: interactions wait in storage.local with client UUIDs until the server answered 200/201 for them.
import type { InteractionResult } from "../../shared/contract";
import type { FailedItem } from "./messages";

export const OUTBOX_KEY = "outbox";
export const MAX_BATCH = 100;

/** The body of POST /interactions (issue #4), id = the client UUID. */
export type InteractionBody = { id: string; summary: string; email?: string; customerId?: string } & Record<
  string,
  unknown
>;

export interface OutboxItem {
  body: InteractionBody;
  queuedAt: number;
}

export interface OutboxState {
  items: OutboxItem[];
  failed: FailedItem[];
  /** Consecutive failed flushes, and when the next one may run (exponential backoff). */
  attempt: number;
  nextAt: number;
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface OutboxOptions {
  storage: StorageArea;
  /** Sends a batch; throws when the request as a whole failed (offline, 5xx, 401). */
  send: (bodies: InteractionBody[]) => Promise<InteractionResult[]>;
  now?: () => number;
  random?: () => number;
  onChange?: (state: OutboxState) => void;
}

const EMPTY: OutboxState = { items: [], failed: [], attempt: 0, nextAt: 0 };

/** 30 s, 1 min, 2 min … capped at 30 min, ±20 % jitter so many browsers do not retry in step. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class Outbox {
  private lock: Promise<unknown> = Promise.resolve();
  private flushing: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
  }

  async read(): Promise<OutboxState> {
    const stored = (await this.options.storage.get(OUTBOX_KEY))[OUTBOX_KEY] as Partial<OutboxState> | undefined;
    return { ...EMPTY, ...(stored ?? {}) };
  }

  /** Read-modify-write, one at a time, so an enqueue during a flush is never overwritten. */
  private mutate(change: (state: OutboxState) => OutboxState): Promise<OutboxState> {
    const run = this.lock.then(async () => {
      const next = change(await this.read());
      await this.options.storage.set({ [OUTBOX_KEY]: next });
      this.options.onChange?.(next);
      return next;
    });
    this.lock = run.catch(() => undefined);
    return run;
  }

  async enqueue(body: InteractionBody): Promise<void> {
    await this.mutate((s) =>
      s.items.some((i) => i.body.id === body.id) ? s : { ...s, items: [...s.items, { body, queuedAt: this.now() }] },
    );
  }

  /** Sends what is due; `force` ignores the backoff (reconnect, startup, a new item). One flush at a time. */
  flush(force = false): Promise<void> {
    this.flushing ??= this.doFlush(force).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async doFlush(force: boolean): Promise<void> {
    for (;;) {
      const state = await this.read();
      if (state.items.length === 0 || (!force && this.now() < state.nextAt)) return;
      const batch = state.items.slice(0, MAX_BATCH).map((i) => i.body);
      let results: InteractionResult[];
      try {
        results = await this.options.send(batch);
      } catch {
        await this.mutate((s) => ({
          ...s,
          attempt: s.attempt + 1,
          nextAt: this.now() + backoffMs(s.attempt + 1, this.options.random),
        }));
        return;
      }
      const byId = new Map(results.map((r) => [r.id, r]));
      await this.mutate((s) => settle(s, batch, byId, this.now()));
      if (!batch.every((b) => byId.has(b.id))) return; // partial answer: the rest waits for the next alarm
      force = true;
    }
  }

  retryFailed(id: string): Promise<OutboxState> {
    return this.mutate((s) => {
      const item = s.failed.find((f) => f.id === id) as (FailedItem & { body?: InteractionBody }) | undefined;
      if (!item?.body) return s;
      return {
        ...s,
        failed: s.failed.filter((f) => f.id !== id),
        items: [...s.items, { body: item.body, queuedAt: this.now() }],
      };
    });
  }

  /** Only on the user's explicit request: a failed item is never dropped silently. */
  dismissFailed(id: string): Promise<OutboxState> {
    return this.mutate((s) => ({ ...s, failed: s.failed.filter((f) => f.id !== id) }));
  }
}

/** Removes answered items: 200/201 done, 400/404/422 set aside with the reason; unanswered stay queued. */
function settle(
  s: OutboxState,
  batch: InteractionBody[],
  byId: Map<string | null, InteractionResult>,
  now: number,
): OutboxState {
  const done = new Set<string>();
  const failed: (FailedItem & { body: InteractionBody })[] = [];
  for (const body of batch) {
    const r = byId.get(body.id);
    if (!r) continue;
    done.add(body.id);
    if (r.status === 200 || r.status === 201) continue;
    failed.push({
      id: body.id,
      summary: body.summary,
      ...(body.email ? { email: body.email } : {}),
      status: r.status,
      reason: r.error?.message ?? `HTTP ${r.status}`,
      failedAt: new Date(now).toISOString(),
      body,
    });
  }
  return {
    items: s.items.filter((i) => !done.has(i.body.id)),
    failed: [...s.failed, ...failed],
    attempt: 0,
    nextAt: 0,
  };
}
