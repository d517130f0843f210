// The toolbar badge says what needs the rep now: logged touches still waiting to be sent (their count, blue), else one
// that could not be sent ("!", red), else the follow-ups due today and the customers waiting for a reply (their sum,
// amber). The tooltip says which, in the rep's language. The due count outlives a stopped service worker in
// storage.session, and only counts on its own day.
import { browser } from "wxt/browser";
import { getSettings } from "../../lib/connection";
import { browserLanguage, resolveLocale, type Translate, translator } from "../../lib/i18n";

/** The rep's follow-ups due on or before `day` (the browser's local day it was counted on), and emails to answer. */
export interface DueCount {
  count: number;
  /** More are due than were counted: the badge shows "99+". */
  more: boolean;
  /** Customers with an email waiting for the rep's reply (0 from a count saved before replies were counted). */
  replies?: number;
  repliesMore?: boolean;
  day: string;
}

export interface BadgeState {
  pending: number;
  failed: number;
  /** Null when not connected or not counted yet. */
  due: DueCount | null;
}

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = { pending: "#2563eb", failed: "#dc2626", due: "#b45309" } as const;

/**
 * What the badge shows for a state on `today` (YYYY-MM-DD): a due count from another day is not shown.
 * @example
 * badgeFor({ pending: 0, failed: 0, due: { count: 3, more: false, day: "2026-12-03" } }, "2026-12-03", t).text // "3"
 */
export function badgeFor(state: BadgeState, today: string, t: Translate): Badge {
  if (state.pending > 0) {
    const title = state.pending === 1 ? t("badge.pendingOne") : t("badge.pending", { count: state.pending });
    return { text: String(state.pending), color: BADGE_COLORS.pending, title };
  }
  if (state.failed > 0) return { text: "!", color: BADGE_COLORS.failed, title: t("badge.failed") };
  const due = state.due;
  const replies = due?.replies ?? 0;
  if (!due || due.day !== today || due.count + replies === 0)
    return { text: "", color: BADGE_COLORS.due, title: t("badge.title") };
  const more = due.more || due.repliesMore === true;
  const text = `${due.count + replies}${more ? "+" : ""}`;
  return { text, color: BADGE_COLORS.due, title: dueTitle(due.count, due.more, replies, due.repliesMore === true, t) };
}

/** "Tierlens: 3 follow-ups due today", "… 1 email waiting for your reply", or both counts. */
function dueTitle(count: number, more: boolean, replies: number, repliesMore: boolean, t: Translate): string {
  const followUps = more ? t("badge.dueMany", { count }) : count === 1 ? t("badge.dueOne") : t("badge.due", { count });
  if (replies === 0) return t("badge.titled", { what: followUps });
  const emails = repliesMore
    ? t("badge.repliesMany", { count: replies })
    : replies === 1
      ? t("badge.repliesOne")
      : t("badge.replies", { count: replies });
  return t("badge.titled", { what: count === 0 ? emails : t("badge.both", { followUps, emails }) });
}

/** The browser's local day (YYYY-MM-DD): "due today" is the rep's today, not UTC's. */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DUE_KEY = "dueBadge";
let state: BadgeState = { pending: 0, failed: 0, due: null };
let restored: Promise<void> | null = null;

function isDueCount(v: unknown): v is DueCount {
  const d = v as DueCount | null;
  return (
    typeof d === "object" &&
    d !== null &&
    Number.isInteger(d.count) &&
    d.count >= 0 &&
    typeof d.more === "boolean" &&
    typeof d.day === "string" &&
    (d.replies === undefined || (Number.isInteger(d.replies) && d.replies >= 0))
  );
}

/** The due count saved before this service worker was stopped (once per worker). */
function restore(): Promise<void> {
  restored ??= browser.storage.session
    .get(DUE_KEY)
    .then((stored) => {
      const saved = stored[DUE_KEY];
      if (isDueCount(saved) && state.due === null) state = { ...state, due: saved };
    })
    .catch(() => undefined);
  return restored;
}

/** Applies a change (or nothing, to redraw in a new language) and redraws the badge and its tooltip. */
export async function showBadge(change: Partial<BadgeState> = {}): Promise<void> {
  await restore();
  state = { ...state, ...change };
  if ("due" in change) {
    const saved = change.due
      ? browser.storage.session.set({ [DUE_KEY]: change.due })
      : browser.storage.session.remove(DUE_KEY);
    await saved.catch(() => undefined);
  }
  const t = translator(resolveLocale((await getSettings()).locale, browserLanguage()));
  // Drawn from the state as it is now, after the awaits: of two quick changes, the later drawing shows both.
  const badge = badgeFor(state, localDay(), t);
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]).catch(() => undefined);
}

/** For tests: forget the state, as a new service worker would. */
export function resetBadgeForTests(): void {
  state = { pending: 0, failed: 0, due: null };
  restored = null;
}
