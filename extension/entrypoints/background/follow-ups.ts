// The rep's follow-ups due today: one page of GET /customers gives the popup's short list and the badge's count.
import { customerListResponseSchema } from "../../../shared/contract";
import { apiJson } from "../../lib/api";
import { type Connection, getConnection } from "../../lib/connection";
import type { Replies } from "../../lib/messages";
import { localDay, showBadge } from "./badge";

/** Follow-ups the popup lists. */
export const DUE_LIMIT = 8;
/** Follow-ups the badge counts; beyond that it shows "99+". */
export const COUNT_LIMIT = 99;

/** One page of GET /customers, checked against the contract (throws on a network, HTTP or shape problem). */
export async function customerPage(connection: Connection, query: string) {
  return customerListResponseSchema.parse(await apiJson<unknown>(connection, `/customers?${query}`));
}

/** My follow-ups due by the browser's local day, most overdue first; the badge's count is updated on the way. */
export async function dueFollowUps(connection: Connection | null): Promise<Replies["due"]> {
  const today = localDay();
  if (!connection) return { items: [], today, more: false, error: "not connected" };
  try {
    const page = await customerPage(connection, `owner=me&followUpBy=${today}&sort=followUp&limit=${COUNT_LIMIT}`);
    const more = page.nextCursor !== null;
    await showBadge({ due: { count: page.items.length, more, day: today } });
    return { items: page.items.slice(0, DUE_LIMIT), today, more: more || page.items.length > DUE_LIMIT };
  } catch (e) {
    // The badge keeps its last count: a server out of reach does not make the follow-ups go away.
    return { items: [], today, more: false, error: (e as Error).message };
  }
}

/** Counts my follow-ups due again (on an alarm, at start-up, after a logged touch); clears the count when not connected. */
export async function refreshDueBadge(): Promise<void> {
  const connection = await getConnection();
  if (!connection) return showBadge({ due: null });
  await dueFollowUps(connection);
}
