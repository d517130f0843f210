// The reader's language for admin pages (cookie, else Accept-Language) and the formatting helpers every screen uses.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { catalogs, t as engineT, formatMoney } from "../../../shared/i18n";
import { type AdminKey, adminEn } from "../../../shared/i18n/admin.en";
import { adminZhCN } from "../../../shared/i18n/admin.zh-CN";
import { LOCALES, type Locale, type MessageRef } from "../../../shared/i18n/types";
import type { AdminEnv } from "./env";

export const LANG_COOKIE = "tl_lang";
const catalogues: Record<Locale, Record<AdminKey, string>> = { en: adminEn, "zh-CN": adminZhCN };

/** The first supported language of an Accept-Language header (q-weights respected), else English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}

export const isLocale = (x: unknown): x is Locale => LOCALES.includes(x as Locale);

/** Sets `locale`: the switch's cookie wins over the browser's language. */
export const detectLocale = createMiddleware<AdminEnv>(async (c, next) => {
  const chosen = getCookie(c, LANG_COOKIE);
  c.set("locale", isLocale(chosen) ? chosen : localeFromAcceptLanguage(c.req.header("Accept-Language")));
  await next();
});

export type Params = Record<string, string | number>;
export type Translate = (key: AdminKey, params?: Params) => string;

const interpolate = (text: string, params?: Params) =>
  params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;

export function translator(locale: Locale): Translate {
  const cat = catalogues[locale];
  return (key, params) => interpolate(cat[key] ?? adminEn[key] ?? key, params);
}

/** True when `key` is one of ours (for keys built from data, e.g. `tier.${tier}`). */
export const hasKey = (key: string): key is AdminKey => key in adminEn;

/** Everything a screen needs to speak and format, built once per request. */
export interface Ui {
  locale: Locale;
  t: Translate;
  /** A key built from data; falls back to the raw value when we have no text for it. */
  tk: (key: string, fallback?: string) => string;
  /** An engine message (criterion labels, suggestion titles, move-up hints). */
  msg: (ref: MessageRef | undefined) => string;
  /** Minor units in the workspace currency, exact (cents shown). */
  money: (minor: number | null | undefined) => string;
  /** Minor units rounded to whole units, for charts and summaries. */
  moneyRound: (minor: number | null | undefined) => string;
  number: (n: number | null | undefined, digits?: number) => string;
  percent: (share: number | null | undefined, digits?: number) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  csrf: string;
  path: string;
}

export function buildUi(c: Context<AdminEnv>): Ui {
  const currency = c.var.caller?.currency ?? "CNY";
  const timeZone = c.var.session?.timeZone ?? "Asia/Shanghai";
  const locale = c.var.locale ?? "en";
  const t = translator(locale);
  // Our strings first, then the engine's catalogue (tiers, classes, stages, criteria…): the two merged at use.
  const engine = catalogs[locale];
  const tk = (key: string, fallback?: string) =>
    hasKey(key)
      ? t(key)
      : (engine[key] ?? catalogs.en[key] ?? fallback ?? key.split(".").pop()?.replace(/_/g, " ") ?? key);
  const cur = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  const d = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const dt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const parse = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return {
    locale,
    t,
    tk,
    msg: (ref) => (ref ? engineT(locale, ref, { currency }) : ""),
    money: (minor) => (minor === null || minor === undefined ? "—" : formatMoney(minor, currency, locale)),
    moneyRound: (minor) => (minor === null || minor === undefined ? "—" : cur.format(minor / 100)),
    number: (n, digits = 2) =>
      n === null || n === undefined ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    percent: (share, digits = 0) =>
      share === null || share === undefined
        ? "—"
        : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(share),
    date: (iso) => (iso ? d.format(parse(iso)) : "—"),
    dateTime: (iso) => (iso ? dt.format(parse(iso)) : "—"),
    csrf: c.var.csrfToken ?? "",
    path: new URL(c.req.url).pathname,
  };
}
