// Address helpers small enough for content scripts: find, validate and normalise email addresses in page text.

/** A pragmatic address pattern (no quoted local parts); the worker normalises again. */
const EMAIL_SOURCE =
  "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}";
const EXACT = new RegExp(`^${EMAIL_SOURCE}$`);

/** Lower-cased, trimmed address, or null when the text is not one address. */
export function normaliseEmail(text: string | null | undefined): string | null {
  const value = (text ?? "")
    .trim()
    .replace(/^mailto:/i, "")
    .replace(/^<|>$/g, "")
    .trim()
    .toLowerCase();
  return value.length <= 254 && EXACT.test(value) ? value : null;
}

/** The first address inside a text such as `Ana Lopes <ana@example.org>` or `<ana@example.org>`. */
export function extractEmail(text: string | null | undefined): string | null {
  const match = new RegExp(EMAIL_SOURCE).exec(text ?? "");
  return match ? normaliseEmail(match[0]) : null;
}

/** Every distinct address in a text, in order of appearance. */
export function extractEmails(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(new RegExp(EMAIL_SOURCE, "g"))) {
    const email = normaliseEmail(m[0]);
    if (email) out.add(email);
  }
  return [...out];
}

/** Addresses of a `mailto:` URL (comma-separated path, query stripped). */
export function mailtoEmails(href: string): string[] {
  if (!/^mailto:/i.test(href)) return [];
  const path = href.slice(7).split("?")[0] ?? "";
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {}
  return decoded
    .split(/[,;]/)
    .map((part) => normaliseEmail(part))
    .filter((e): e is string => e !== null);
}
