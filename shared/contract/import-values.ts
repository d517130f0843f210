// Value parsing for imports: amounts (exact, via money.ts) as spreadsheets write them, real calendar dates, timestamps, domains.
import { z } from "zod";
import { emailSchema } from "./common";
import { isFreeMailDomain } from "./email";
import { parseMinor } from "./money";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * An amount as spreadsheets write it, made plain for `parseMinor`: thousands commas dropped, zeros after
 * the second decimal dropped.
 * @example plainDecimal(" 1,234.500 ") // "1234.50"
 */
export function plainDecimal(text: string): string {
  const t = text.trim();
  return (GROUPED.test(t) ? t.replaceAll(",", "") : t).replace(/^([+-]?\d*\.\d{2})0+$/, "$1");
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

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const AMOUNT_MESSAGE = "Expected a decimal amount with at most 2 decimal places, such as 1234.50.";

/** Zod schemas for the value types of import rows. */
export const importValues = {
  /** A decimal amount in major units (number or string) → integer minor units, exactly. */
  amount: () =>
    z.union([z.number(), z.string()], { error: AMOUNT_MESSAGE }).transform((input, ctx) => {
      const minor = parseMinor(typeof input === "string" ? plainDecimal(input) : input);
      if (minor === null) ctx.addIssue({ code: "custom", message: AMOUNT_MESSAGE });
      else if (minor < 0) ctx.addIssue({ code: "custom", message: "Expected an amount of 0 or more." });
      return minor ?? z.NEVER;
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
        else if (isFreeMailDomain(domain)) {
          ctx.addIssue({
            code: "custom",
            message: `${domain} is a free-mail domain: it matches only exact addresses.`,
          });
        }
        return domain;
      }),
  /** The contract's email: trimmed, lower-cased, plausible. */
  email: () => emailSchema,
};
