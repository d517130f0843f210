// The typed messages between content scripts / extension pages and the background (types only: no zod in content scripts).
import type { CustomerDetailResponse, CustomerListItem, LookupResult } from "../../shared/contract";
import type { UiLocale } from "./i18n";

export const LOG_KINDS = ["email", "call", "visit", "meeting", "wechat", "note"] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** What a UI asks to log; the background adds the client UUID and the time. */
export interface LogDraft {
  email?: string;
  customerId?: string;
  kind: LogKind;
  summary: string;
  direction?: "in" | "out";
  sourceUrl?: string;
  sourceTitle?: string;
  createProspect?: boolean;
  contactName?: string;
  occurredAt?: string;
}

export interface FailedItem {
  id: string;
  summary: string;
  email?: string;
  status: number;
  reason: string;
  failedAt: string;
}

export type Message =
  | { type: "lookup"; emails: string[] }
  | { type: "card"; email: string }
  | { type: "customer"; id: string }
  | { type: "log"; item: LogDraft }
  | { type: "undo"; id: string }
  | { type: "search"; q: string }
  | { type: "due" }
  | { type: "status" }
  | { type: "connect"; serverUrl: string; code?: string; token?: string }
  | { type: "disconnect" }
  | { type: "retryFailed"; id: string }
  | { type: "dismissFailed"; id: string }
  | { type: "sitesChanged" };

export interface LookupReply {
  connected: boolean;
  locale: UiLocale;
  results: LookupResult[];
}

export interface CardReply {
  connected: boolean;
  locale: UiLocale;
  currency: string;
  serverUrl: string | null;
  result: LookupResult | null;
}

export interface StatusReply {
  connected: boolean;
  serverUrl: string | null;
  userName: string | null;
  workspaceName: string | null;
  pending: number;
  /** Undone logs whose undo has not reached the server yet (offline, say). */
  undos: number;
  failed: FailedItem[];
  locale: UiLocale;
}

export interface Replies {
  lookup: LookupReply;
  card: CardReply;
  customer: { detail: CustomerDetailResponse | null };
  log: { id: string };
  undo: { ok: true };
  search: { items: CustomerListItem[]; error?: string };
  /**
   * The caller's customers with a follow-up due by `today` (the browser's local day), most overdue first; and those
   * with an email waiting for the caller's reply, earliest deadline first (`replies`, `repliesMore`; empty when the
   * server could not say: `repliesError`).
   */
  due: {
    items: CustomerListItem[];
    today: string;
    more: boolean;
    error?: string;
    replies: CustomerListItem[];
    repliesMore: boolean;
    repliesError?: string;
    /** How many of each list were counted (up to 99; `more` beyond), as on the badge; absent when not counted. */
    counted?: { due: number; dueMore: boolean; replies: number; repliesMore: boolean };
  };
  status: StatusReply;
  connect: { ok: boolean; error?: string };
  disconnect: { ok: true };
  retryFailed: { ok: true };
  dismissFailed: { ok: true };
  sitesChanged: { ok: true };
}

/** Messages a web page's content script may send: the page is hostile ground, so only lookups. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<Message["type"]> = new Set(["lookup"]);
