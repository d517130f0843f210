// Secrets at rest: password hashing (scrypt), and SHA-256 digests for tokens, session ids and pairing codes.
//
// Why scrypt from @noble/hashes: Workers caps PBKDF2 at 100,000 iterations (OWASP asks 600,000), and
// WebAssembly argon2 cannot be compiled at run time in workerd. scrypt with N=2^14, r=8, p=5 is one of
// OWASP's equivalent minimum settings (≈0.4 s of CPU per sign-in here); the parameters are stored with
// each hash, so they can be raised later and old hashes still verify.
import { scryptAsync } from "@noble/hashes/scrypt.js";

const PARAMS = { N: 2 ** 14, r: 8, p: 5, dkLen: 32 } as const;
const enc = new TextEncoder();

/** Bytes as unpadded base64url (RFC 4648 §5), the form of every token, cursor and digest we hand out. */
export function toB64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of an unpadded base64url text (throws on characters outside the alphabet). */
export function fromB64url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Compares two byte arrays in time independent of where they differ. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Returns `scrypt$N$r$p$salt$hash` for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await scryptAsync(enc.encode(password.normalize("NFKC")), salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, toB64url(salt), toB64url(hash)].join("$");
}

/** True when `password` matches a hash made by `hashPassword` (with whatever parameters it recorded). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = fromB64url(hash);
  const actual = await scryptAsync(enc.encode(password.normalize("NFKC")), fromB64url(salt), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    dkLen: expected.length,
  });
  return constantTimeEqual(actual, expected);
}

/** Hex SHA-256 of a high-entropy secret (API token, session id, pairing code): what the database keeps. */
export async function sha256Hex(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", enc.encode(secret)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A random secret of `bytes` bytes, base64url, with an optional readable prefix (e.g. `tl_`). */
export function randomSecret(bytes = 32, prefix = ""): string {
  return prefix + toB64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A pairing code a person can type: 10 characters from an unambiguous alphabet (~50 bits), shown as XXXXX-XXXXX. */
export function randomPairingCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Canonical form of a typed pairing code: upper-case, no separators or spaces. */
export function normalisePairingCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
