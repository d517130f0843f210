// Email addresses and the free-mail rule of DOMAIN.md §1, shared by the worker and the extension.

/** Public webmail domains: these never identify a customer, so they match only by the exact address. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "qq.com",
  "vip.qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "vip.163.com",
  "vip.126.com",
  "188.com",
  "sina.com",
  "sina.cn",
  "vip.sina.com",
  "sohu.com",
  "aliyun.com",
  "139.com",
  "189.cn",
  "wo.cn",
  "tom.com",
  "21cn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "yahoo.com",
  "yahoo.com.cn",
  "ymail.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "yandex.com",
  "yandex.ru",
  "zoho.com",
]);

/** Deliberately simple: one `@`, a non-empty local part, a dotted domain, no spaces. */
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The longest address RFC 5321 allows in a path. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The canonical form we store and compare: trimmed and lower-cased.
 * @example normaliseEmail("  Ana.Lopes@Example.ORG ") // "ana.lopes@example.org"
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True for a plausible address (after normalising); used to answer `match: null` instead of failing a batch. */
export function isValidEmail(email: string): boolean {
  const e = normaliseEmail(email);
  return e.length <= MAX_EMAIL_LENGTH && EMAIL_RE.test(e);
}

/**
 * The lower-cased domain of an address, or null when there is none.
 * @example emailDomain("bo@Mail.Example.com") // "mail.example.com"
 */
export function emailDomain(email: string): string | null {
  const e = normaliseEmail(email);
  const at = e.lastIndexOf("@");
  if (at < 1 || at === e.length - 1) return null;
  return e.slice(at + 1);
}

/**
 * True when `domain` is a public webmail domain.
 * @example isFreeMailDomain("QQ.com") // true
 */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase());
}
