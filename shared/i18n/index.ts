// Messages in Simplified Chinese and English: catalogues, `t` to render a MessageRef, money formatting.
export { type Catalog, catalogs } from "./catalog";
export { type EngineMessageKey, engineEn } from "./engine.en";
export { engineZhCN } from "./engine.zh-CN";
export { formatMoney, type TranslateOptions, t } from "./format";
export { LOCALES, type Locale, type MessageRef } from "./types";
