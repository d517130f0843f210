// Formatting with Intl: money from minor units in the workspace currency, and message interpolation.
import { type Catalog, catalogs } from "./catalog";
import type { Locale, MessageRef } from "./types";

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Money in minor units shown in the locale's format; the currency's own fraction digits decide the
 * minor unit (CNY fen: ÷100; JPY: ÷1).
 * @example
 * formatMoney(4_800_000, "CNY", "zh-CN") // "¥48,000.00"
 * formatMoney(123_45, "USD", "en")       // "$123.45"
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const id = `${locale}|${currency}`;
  let f = moneyFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    moneyFormats.set(id, f);
  }
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}

export interface TranslateOptions {
  /** Currency of `amount…` params (default CNY). */
  currency?: string;
  /** Time zone for timestamp params (default: the runtime's, which in a browser is the user's). */
  timeZone?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (`YYYY-MM-DD`) or an ISO timestamp in the locale's words; anything else unchanged. */
function formatDateParam(value: string, locale: Locale, timeZone: string | undefined): string | undefined {
  const day = DAY.test(value);
  if (!day && !TIMESTAMP.test(value)) return undefined;
  // A calendar day has no zone: format it in UTC so it never shifts to the day before.
  const zone = day ? "UTC" : timeZone;
  const id = `${locale}|${day}|${zone ?? ""}`;
  let f = dateFormats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      day ? { dateStyle: "medium", timeZone: "UTC" } : { dateStyle: "medium", timeStyle: "short", timeZone: zone },
    );
    dateFormats.set(id, f);
  }
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : f.format(date);
}

function lookup(catalog: Catalog, key: string): string | undefined {
  return Object.hasOwn(catalog, key) ? catalog[key] : undefined;
}

/**
 * The text of a message in a locale. Falls back to English, then to the `fallback` param, then the key.
 * Params named `amount…` are money in minor units; a string param that is itself a catalogue key
 * (e.g. "stage.proposal") is translated too; a `YYYY-MM-DD` or ISO timestamp param is shown as a date in the locale.
 * @example
 * t("en", { key: "suggest.collect-overdue", params: { amount: 1_200_00, days: 20 } }) // "Collect CN¥1,200.00 overdue for 20 days"
 * t("zh-CN", { key: "tier.A" }) // "A 级"
 * t("en", { key: "suggest.follow-up-due", params: { due: "2026-11-24" } }) // "Follow up by Nov 24, 2026"
 */
export function t(locale: Locale, ref: MessageRef, options: TranslateOptions = {}): string {
  const catalog = catalogs[locale];
  const params = ref.params ?? {};
  const template =
    lookup(catalog, ref.key) ?? lookup(catalogs.en, ref.key) ?? (params.fallback as string | undefined) ?? ref.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === "number" && name.startsWith("amount"))
      return formatMoney(value, options.currency ?? "CNY", locale);
    if (typeof value === "string")
      return lookup(catalog, value) ?? formatDateParam(value, locale, options.timeZone) ?? value;
    return String(value);
  });
}
