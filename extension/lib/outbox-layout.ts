// The outbox's storage layout (v2) and types: keys, the item and meta shapes, and small pure helpers.
import type { InteractionResult } from "../../shared/contract";
import type { FailedItem } from "./messages";
import type { FlushSchedule } from "./schedule";

export const MAX_BATCH = 100;

export const OUTBOX_KEYS = {
  meta: "outbox:meta",
  failed: "outbox:failed",
  item: (seq: number) => `outbox:q:${seq}`,
  id: (id: string) => `outbox:id:${id}`,
  /** Ids the user undid after they may have reached the server: DELETE each once nothing can create it later. */
  undo: "outbox:undo",
  /** v1: the whole queue in one key, rewritten on every change. Only read to migrate it. */
  legacy: "outbox",
} as const;

/** The body of POST /interactions (issue #4), id = the client UUID. */
export type InteractionBody = { id: string; summary: string; email?: string; customerId?: string } & Record<
  string,
  unknown
>;

export interface OutboxItem {
  body: InteractionBody;
  queuedAt: number;
}

export type FailedEntry = FailedItem & { body?: InteractionBody };

export interface OutboxMeta {
  v: 2;
  /** Lowest seq that may still hold an item; items live in [head, tail), with gaps where later ones were sent. */
  head: number;
  /** The seq the next enqueue takes. */
  tail: number;
  /** Queued items (the badge). */
  count: number;
  failedCount: number;
  /** Consecutive failed flushes, and when the next one may run (exponential backoff). */
  attempt: number;
  nextAt: number;
  /** Keys of an acknowledged batch whose removal may not have finished (see the header). */
  removing?: string[];
}

/** What the badge and the popup's status need, read from outbox:meta alone. */
export interface OutboxSummary {
  pending: number;
  failed: number;
  attempt: number;
  nextAt: number;
}

/** The whole outbox (O(queue) reads: tests, diagnostics and the migration check; never on a hot path). */
export interface OutboxState {
  items: OutboxItem[];
  failed: FailedEntry[];
  attempt: number;
  nextAt: number;
}

export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface OutboxOptions {
  storage: StorageArea;
  /** Sends a batch; throws when the request as a whole failed (offline, 5xx, 401). */
  send: (bodies: InteractionBody[]) => Promise<InteractionResult[]>;
  /** Undoes one logged interaction on the server (200 or an answer that will not change); throws to retry later. */
  undo?: (id: string) => Promise<void>;
  /** Backoff after a failed flush; the documented production schedule unless injected (e2e build, tests). */
  schedule?: Readonly<FlushSchedule>;
  now?: () => number;
  random?: () => number;
  onChange?: (summary: OutboxSummary) => void;
}

export const EMPTY_META: OutboxMeta = { v: 2, head: 0, tail: 0, count: 0, failedCount: 0, attempt: 0, nextAt: 0 };

export interface Batch {
  items: { seq: number; item: OutboxItem }[];
  /** Every key in [head, end) was read: the ones holding items are all in `items`. */
  end: number;
  /** meta.tail when the batch was read. */
  tail: number;
}

export const summarise = (m: OutboxMeta): OutboxSummary => ({
  pending: m.count,
  failed: m.failedCount,
  attempt: m.attempt,
  nextAt: m.nextAt,
});

export const isItem = (v: unknown): v is OutboxItem =>
  typeof v === "object" && v !== null && typeof (v as OutboxItem).body?.id === "string";

/** The undo list as stored (anything else reads as empty). */
export const undoList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((id): id is string => typeof id === "string") : [];

/** The server's message and its first detail ("… occurredAt: Must not be …"), so the popup says what to fix. */
export function reasonOf(r: InteractionResult): string {
  if (!r.error) return `HTTP ${r.status}`;
  const first = r.error.details?.[0];
  if (!first) return r.error.message;
  return `${r.error.message} ${first.field ? `${first.field}: ` : ""}${first.message}`;
}
