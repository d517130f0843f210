// Initial focus for keyboard users of the extension pages.

/** Moves focus to `el` only while nothing else holds it (the reader may already be typing elsewhere). */
export function focusIfIdle(el: HTMLElement | null | undefined): void {
  const doc = el?.ownerDocument;
  const active = doc?.activeElement;
  if (el && (!active || active === doc.body || active === doc.documentElement)) el.focus();
}
