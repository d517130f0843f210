// The shape of a translatable message: the engine returns keys, the UI renders them in the reader's language.

/** The languages the interface speaks (DOMAIN.md §6). */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A message to show, by catalogue key, with the values it interpolates (`{name}` placeholders).
 * Params whose name starts with `amount` are money in minor units and are formatted as such.
 */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
