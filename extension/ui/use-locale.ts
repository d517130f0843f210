// Hook for extension pages: the reader's language (setting or browser) and its translator.
import { useEffect, useState } from "preact/hooks";
import { getSettings } from "../lib/connection";
import { browserLanguage, resolveLocale, type Translate, translator, type UiLocale } from "../lib/i18n";

export function useLocale(): { locale: UiLocale; t: Translate; reload: () => void } {
  const [locale, setLocale] = useState<UiLocale>(resolveLocale("auto", browserLanguage()));
  const reload = () => void getSettings().then((s) => setLocale(resolveLocale(s.locale, browserLanguage())));
  useEffect(reload, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return { locale, t: translator(locale), reload };
}

/** Money in the workspace currency with the reader's formatting. */
export function formatMoney(amount: number, currency: string, locale: UiLocale): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export function formatWhen(ms: number, locale: UiLocale): string {
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(ms);
}
