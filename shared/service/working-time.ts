// Working time arithmetic: only Monday–Friday clock time counts, read in the workspace's time zone.
import { MS_PER_DAY } from "../dates";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offset of the zone's wall clock from UTC at an instant, in ms (Asia/Shanghai: +8 h).
 * @example
 * zoneOffsetMs(0, "Asia/Shanghai") // 28_800_000
 */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  // Offsets change only at transitions, which fall on quarter hours: cache per zone and quarter hour.
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(instant / 900_000);
  const cached = zone.get(quarter);
  if (cached !== undefined) return cached;
  const offset = computeOffset(instant, timeZone);
  if (zone.size > 50_000) zone.clear();
  zone.set(quarter, offset);
  return offset;
}

const offsets = new Map<string, Map<number, number>>();

function computeOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant `hours` working hours after `instant`: Saturday and Sunday (local) are skipped, so a
 * working day is 24 hours of a weekday. Pure: the zone's rules come from Intl, no clock is read.
 * @example
 * new Date(addWorkingHours(Date.parse("2026-11-27T16:00:00Z"), 24, "UTC")).toISOString() // Friday → "2026-11-30T16:00:00.000Z" (Monday)
 */
export function addWorkingHours(instant: number, hours: number, timeZone: string): number {
  let remaining = hours * 3_600_000;
  let wall = instant + zoneOffsetMs(instant, timeZone);
  for (;;) {
    const day = Math.floor(wall / MS_PER_DAY);
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday === 0 || weekday === 6) {
      wall = (day + (weekday === 6 ? 2 : 1)) * MS_PER_DAY;
      continue;
    }
    const available = (day + 1) * MS_PER_DAY - wall;
    if (remaining <= available) {
      wall += remaining;
      break;
    }
    remaining -= available;
    wall = (day + 1) * MS_PER_DAY;
  }
  const guess = wall - zoneOffsetMs(instant, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}
