// Exact value parsing for imports: decimal amounts → integer minor units, calendar dates, timestamps, domains.
import { z } from "zod";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d+))?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Exact decimal in major units → integer minor units, without ever going through a binary float.
 * Strings may group thousands with commas ("1,234.50"); numbers are read from their shortest
 * round-trip form, which is exactly what was written for up to 15 significant digits.
 * (Our own parser: shared/contract/money.ts had no `toMinor` when imports were written.)
 * @example
 * parseMinor("1234.5", 2) // { ok: true, value: 123450 }
 * parseMinor(0.1, 2) // { ok: true, value: 10 }
 * parseMinor("1.234", 2) // { ok: false, … "at most 2 decimal places" }
 */
export function parseMinor(input: string | number, digits: number): Parsed<number> {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, message: "Expected a finite number." };
    text = String(input);
  } else {
    text = input.trim();
    if (GROUPED.test(text)) text = text.replaceAll(",", "");
  }
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === "" && match[3] === undefined))
    return { ok: false, message: "Expected a decimal amount such as 1234.50." };
  const [, sign, whole = "", fraction = ""] = match;
  if (fraction.replace(/0+$/, "").length > digits) {
    return { ok: false, message: `Expected at most ${digits} decimal places.` };
  }
  const minorText = ((whole || "0") + fraction.padEnd(digits, "0").slice(0, digits)).replace(/^0+(?=\d)/, "");
  const minor = Number(minorText);
  if (minorText.length > 16 || !Number.isSafeInteger(minor)) return { ok: false, message: "The amount is too large." };
  return { ok: true, value: sign === "-" && minor !== 0 ? -minor : minor };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Whether `YYYY-MM-DD` names a real day of the Gregorian calendar (no 2025-02-29, no month 13). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A date field: `YYYY-MM-DD`, or an ISO timestamp whose date part (as written) is kept.
 * A timestamp without a zone is read as UTC.
 * @example
 * parseDate("2026-03-01T23:30:00+08:00") // { ok: true, value: "2026-03-01" }
 */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  if (isCalendarDate(t)) return { ok: true, value: t };
  const ts = parseTimestamp(t);
  return ts.ok ? { ok: true, value: t.slice(0, 10) } : { ok: false, message: ts.message };
}

/**
 * A timestamp field: an ISO timestamp (normalised to UTC with milliseconds), or a bare date (midnight UTC).
 * @example
 * parseTimestamp("2026-03-01T08:00:00+08:00") // { ok: true, value: "2026-03-01T00:00:00.000Z" }
 */
export function parseTimestamp(text: string): Parsed<string> {
  const t = text.trim();
  const fail = { ok: false, message: "Expected a date YYYY-MM-DD or an ISO timestamp." } as const;
  if (isCalendarDate(t)) return { ok: true, value: `${t}T00:00:00.000Z` };
  const m = TIMESTAMP.exec(t);
  if (!m?.[1] || !isCalendarDate(m[1])) return fail;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return fail;
  const zone = m[6] ? m[6].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : "Z";
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}${(m[5] ?? "").slice(0, 4)}${zone}`);
  return Number.isNaN(ms) ? fail : { ok: true, value: new Date(ms).toISOString() };
}

/** Free-mail domains (DOMAIN.md §1): they identify nobody, so they are never a customer's domain. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(
  (
    "gmail.com googlemail.com outlook.com hotmail.com live.com msn.com qq.com foxmail.com 163.com 126.com " +
    "yeah.net sina.com sina.cn sohu.com aliyun.com icloud.com me.com yahoo.com yahoo.com.cn 139.com 189.cn " +
    "proton.me protonmail.com gmx.com mail.com"
  ).split(" "),
);

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Zod schemas for the value types of import rows (money needs the currency's number of decimals). */
export const importValues = {
  amount: (digits: number) =>
    z.union([z.number(), z.string()]).transform((input, ctx) => {
      const parsed = parseMinor(input, digits);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      else if (parsed.value < 0) ctx.addIssue({ code: "custom", message: "Expected an amount of 0 or more." });
      return parsed.ok ? parsed.value : z.NEVER;
    }),
  date: () =>
    z.string().transform((input, ctx) => {
      const parsed = parseDate(input);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      return parsed.ok ? parsed.value : z.NEVER;
    }),
  timestamp: () =>
    z.string().transform((input, ctx) => {
      const parsed = parseTimestamp(input);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      return parsed.ok ? parsed.value : z.NEVER;
    }),
  domain: () =>
    z
      .string()
      .trim()
      .toLowerCase()
      .transform((domain, ctx) => {
        if (!HOSTNAME.test(domain)) ctx.addIssue({ code: "custom", message: `"${domain}" is not a domain name.` });
        else if (FREE_MAIL_DOMAINS.has(domain)) {
          ctx.addIssue({
            code: "custom",
            message: `${domain} is a free-mail domain: it matches only exact addresses.`,
          });
        }
        return domain;
      }),
  email: () =>
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Expected an email address." }).max(254)),
};
