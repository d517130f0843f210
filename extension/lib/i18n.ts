// The extension's translator: picks zh-CN or en (browser language by default) and fills `{name}` placeholders.
import { type UiKey, uiEn } from "../../shared/i18n/ui.en";
import { uiZhCN } from "../../shared/i18n/ui.zh-CN";

export type UiLocale = "en" | "zh-CN";
export type LocaleSetting = UiLocale | "auto";

/** zh* browsers get Chinese, everyone else English. */
export function resolveLocale(setting: LocaleSetting | undefined, browserLanguage: string): UiLocale {
  if (setting === "en" || setting === "zh-CN") return setting;
  return browserLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

export function translator(locale: UiLocale): Translate {
  const table: Record<UiKey, string> = locale === "zh-CN" ? uiZhCN : uiEn;
  return (key, params) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** The browser's UI language (navigator.language where the i18n API is unavailable, e.g. in tests). */
export function browserLanguage(): string {
  try {
    const api = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome;
    return api?.i18n?.getUILanguage?.() ?? navigator.language;
  } catch {
    return navigator.language;
  }
}
