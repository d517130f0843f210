// "Reply by" for an incoming email: received + the tier's reply target in working hours (the engine's working-time rule).
import { addWorkingHours } from "../../shared/service/working-time";

/**
 * The due instant (epoch ms), or null when the service level carries no reply target.
 * @example replyByMs(Date.parse("2026-11-27T16:00:00Z"), { replyHours: 24 }, "UTC") // Monday 2026-11-30T16:00Z
 */
export function replyByMs(
  receivedAt: number,
  serviceLevel: Record<string, unknown> | null | undefined,
  timeZone: string,
): number | null {
  const hours = serviceLevel?.replyHours;
  if (typeof hours !== "number" || !Number.isFinite(hours) || hours <= 0) return null;
  return addWorkingHours(receivedAt, hours, timeZone);
}
