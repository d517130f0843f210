// A <input type="datetime-local"> value is wall-clock time with no zone: read it in the workspace's zone.
import { zoneOffsetMs } from "../../../../shared/service";

/** Minutes the zone is ahead of UTC at `instant` (the engine's cached zone offsets). */
const offsetMinutes = (instant: number, timeZone: string): number =>
  Math.round(zoneOffsetMs(instant, timeZone) / 60_000);

/**
 * "2026-03-01T10:30" in `timeZone` → ISO UTC timestamp, or null when it is not such a value.
 * @example zonedLocalToIso("2026-03-01T10:30", "Asia/Shanghai") // "2026-03-01T02:30:00.000Z"
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const naive = Date.parse(`${local}Z`);
  if (Number.isNaN(naive)) return null;
  const first = naive - offsetMinutes(naive, timeZone) * 60_000;
  // A second pass settles instants next to a daylight-saving change.
  return new Date(naive - offsetMinutes(first, timeZone) * 60_000).toISOString();
}

/** Now as a datetime-local value in `timeZone` (the form's default). */
export function nowLocal(timeZone: string, now = Date.now()): string {
  return new Date(now + offsetMinutes(now, timeZone) * 60_000).toISOString().slice(0, 16);
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return nowLocal(timeZone, now).slice(0, 10);
}
