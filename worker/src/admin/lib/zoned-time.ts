// A <input type="datetime-local"> value is wall-clock time with no zone: read it in the workspace's zone.

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant) / 60_000);
}

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
