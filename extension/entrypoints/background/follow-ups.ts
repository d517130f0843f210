// The rep's day in the popup and on the badge: one page of GET /customers for the follow-ups due today, one for the
// emails waiting for their reply. Each gives the popup's short list and the badge's count.
import { customerListResponseSchema } from "../../../shared/contract";
import { apiJson } from "../../lib/api";
import { type Connection, getConnection } from "../../lib/connection";
import type { Replies } from "../../lib/messages";
import { localDay, showBadge } from "./badge";

/** Customers the popup lists, per list. */
export const DUE_LIMIT = 8;
/** Customers the badge counts, per list; beyond that it shows "99+". */
export const COUNT_LIMIT = 99;

/** One page of GET /customers, checked against the contract (throws on a network, HTTP or shape problem). */
export async function customerPage(connection: Connection, query: string) {
  return customerListResponseSchema.parse(await apiJson<unknown>(connection, `/customers?${query}`));
}

type Page = Awaited<ReturnType<typeof customerPage>>;

/** The first `DUE_LIMIT` of a page, and whether the page holds or has more than that. */
function shortList(page: Page) {
  return { items: page.items.slice(0, DUE_LIMIT), more: page.nextCursor !== null || page.items.length > DUE_LIMIT };
}

/**
 * My follow-ups due by the browser's local day, most overdue first, and my emails waiting for a reply, earliest
 * deadline first; the badge's count is updated on the way. The follow-ups decide success: without them the reply says
 * `error` and the badge keeps its last count (a server out of reach does not make the work go away). Replies that
 * could not be listed (`repliesError`) are counted as none.
 */
export async function dueFollowUps(connection: Connection | null): Promise<Replies["due"]> {
  const today = localDay();
  const none = { items: [], today, more: false, replies: [], repliesMore: false };
  if (!connection) return { ...none, error: "not connected" };
  const [followUps, replies] = await Promise.allSettled([
    customerPage(connection, `owner=me&followUpBy=${today}&sort=followUp&limit=${COUNT_LIMIT}`),
    customerPage(connection, `owner=me&replyDue=true&sort=replyBy&limit=${COUNT_LIMIT}`),
  ]);
  if (followUps.status === "rejected") return { ...none, error: (followUps.reason as Error).message };
  const waiting = replies.status === "fulfilled" ? replies.value : null;
  const counted = {
    due: followUps.value.items.length,
    dueMore: followUps.value.nextCursor !== null,
    replies: waiting?.items.length ?? 0,
    repliesMore: waiting?.nextCursor != null,
  };
  await showBadge({
    due: {
      count: counted.due,
      more: counted.dueMore,
      replies: counted.replies,
      repliesMore: counted.repliesMore,
      day: today,
    },
  });
  const due = { ...shortList(followUps.value), today, counted };
  if (replies.status === "rejected")
    return { ...due, replies: [], repliesMore: false, repliesError: (replies.reason as Error).message };
  const reply = shortList(replies.value);
  return { ...due, replies: reply.items, repliesMore: reply.more };
}

/** Counts my follow-ups and replies due again (on an alarm, at start-up, after a logged touch); clears the count when not connected. */
export async function refreshDueBadge(): Promise<void> {
  const connection = await getConnection();
  if (!connection) return showBadge({ due: null });
  await dueFollowUps(connection);
}
