// Amounts: decimal major units in the API (12.34), integer minor units in storage (1234), converted exactly.

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Converts a decimal amount (number or string, at most 2 decimals) to integer minor units without float drift,
 * or returns null when it is not such an amount.
 * @example parseMinor(0.29) // 29 (not 28.999…)
 */
export function parseMinor(amount: number | string): number | null {
  const text = typeof amount === "number" ? (Number.isFinite(amount) ? String(amount) : "") : amount.trim();
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const [, sign, whole = "0", frac = ""] = m;
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  if (!Number.isSafeInteger(minor)) return null;
  return sign && minor !== 0 ? -minor : minor;
}

/**
 * Like `parseMinor`, but throws a RangeError for an amount that is not a decimal with at most 2 decimals.
 * @example toMinor("1234.5") // 123450
 */
export function toMinor(amount: number | string): number {
  const minor = parseMinor(amount);
  if (minor === null) throw new RangeError(`Not an amount with at most 2 decimals: ${String(amount)}`);
  return minor;
}

/**
 * Integer minor units back to a decimal number; the division yields the double nearest the exact decimal,
 * which JSON prints exactly.
 * @example fromMinor(123450) // 1234.5
 */
export function fromMinor(minor: number): number {
  return minor / 100;
}

/** fromMinor for nullable columns. */
export function fromMinorOrNull(minor: number | null | undefined): number | null {
  return minor === null || minor === undefined ? null : fromMinor(minor);
}

/** True for a finite decimal with at most 2 decimals that fits in safe integer minor units. */
export function isMoneyAmount(amount: number | string): boolean {
  return parseMinor(amount) !== null;
}
