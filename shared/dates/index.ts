// Calendar arithmetic on ISO dates as whole UTC day numbers, so the engine compares integers, not strings.

const MS_PER_DAY = 86_400_000;

/**
 * Day number (days since 1970-01-01) of an ISO date or timestamp; only the date part counts.
 * @example
 * dayNumber("1970-01-02") // 1
 * dayNumber("2026-03-01T23:59:00Z") === dayNumber("2026-03-01") // true
 */
export function dayNumber(iso: string): number {
  // Hand-parsed: the engine reads millions of dates and Date.parse is the hot spot otherwise.
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (Number.isNaN(y + m + d)) throw new RangeError(`not an ISO date: ${iso}`);
  return daysFromCivil(y, m, d);
}

/**
 * A `dayNumber` that remembers the dates it has parsed: records repeat the same few hundred dates, and a map hit costs
 * about half a parse. Each caller makes its own for one pass; it forgets everything past 4,096 distinct dates, so
 * timestamps that never repeat cost a parse and little memory.
 * @example
 * const day = dayParser();
 * day("2026-03-01") === dayNumber("2026-03-01") // true
 */
export function dayParser(): (iso: string) => number {
  const known = new Map<string, number>();
  return (iso) => {
    let day = known.get(iso);
    if (day === undefined) {
      day = dayNumber(iso);
      if (known.size >= 4096) known.clear();
      known.set(iso, day);
    }
    return day;
  };
}

/** Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days in month `m` (1–12) of year `y`, proleptic Gregorian. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The ISO date (`YYYY-MM-DD`) of a day number.
 * @example
 * isoDate(1) // "1970-01-02"
 */
export function isoDate(day: number): string {
  // Grading formats the same few hundred days for every customer: cache them.
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

const isoCache = new Map<number, string>();

/**
 * "A month ago" of the dashboard's grade migration (and the demo's earlier grading): `YYYY-MM-DD` thirty days before.
 * @example
 * monthBefore("2026-03-01") // "2026-01-30"
 */
export function monthBefore(asOf: string): string {
  return isoDate(dayNumber(asOf) - 30);
}

/**
 * The day number `months` calendar months before or after `day`, clamped to the month's last day.
 * @example
 * isoDate(addMonths(dayNumber("2026-08-31"), -6)) // "2026-02-28"
 */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/**
 * Milliseconds since the epoch of an ISO timestamp (a bare date is midnight UTC).
 * @example
 * timestampMs("1970-01-01T00:00:01Z") // 1000
 */
export function timestampMs(iso: string): number {
  const fast = utcTimestampMs(iso);
  if (!Number.isNaN(fast)) return fast;
  // Offsets, other precisions and anything odd: the platform parser decides (and rejects).
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO timestamp: ${iso}`);
  return ms;
}

/**
 * The common UTC forms by hand, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` (Date.parse costs
 * more than the rest of a touch's facts); NaN for any other form or an out-of-range field, so the caller falls back
 * to `timestampMs`. Never throws. For these forms `Math.floor(ms / MS_PER_DAY)` is the date as written (`dayNumber`).
 * @example
 * utcTimestampMs("1970-01-02T00:00:01Z") // 86401000
 * utcTimestampMs("1970-01-02T08:00:01+08:00") // NaN
 */
export function utcTimestampMs(iso: string): number {
  const n = iso.length;
  if (n !== 10 && n !== 20 && n !== 24) return Number.NaN;
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(iso, 0, 4);
  const mo = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  // A day the month does not have (30 February) is left to Date.parse, like every invalid field.
  if (!(mo >= 1 && mo <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, mo)))) return Number.NaN;
  const day = daysFromCivil(y, mo, d) * MS_PER_DAY;
  if (n === 10) return day;
  if (iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) return Number.NaN;
  if (iso.charCodeAt(n - 1) !== 90 || (n === 24 && iso.charCodeAt(19) !== 46)) return Number.NaN;
  const h = digits(iso, 11, 2);
  const mi = digits(iso, 14, 2);
  const sec = digits(iso, 17, 2);
  const ms = n === 24 ? digits(iso, 20, 3) : 0;
  if (!(h <= 23 && mi <= 59 && sec <= 59 && ms >= 0)) return Number.NaN;
  return day + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
}

export { MS_PER_DAY };
