// All message catalogues by locale: the engine's, merged with any UI files (`ui.<locale>.ts`) added beside them.
import { engineEn } from "./engine.en";
import { engineZhCN } from "./engine.zh-CN";
import type { Locale } from "./types";

export type Catalog = Readonly<Record<string, string>>;

/**
 * One flat map per locale. To add messages, write `ui.en.ts` / `ui.zh-CN.ts` exporting objects with
 * the same keys and spread them here: `en: { ...engineEn, ...uiEn }`. Keys are namespaced by prefix
 * (`tier.`, `suggest.`, `ui.`), so files do not collide; the catalogue test checks both locales match.
 */
export const catalogs: Record<Locale, Catalog> = {
  en: { ...engineEn },
  "zh-CN": { ...engineZhCN },
};
