// The lookup behind every address the extension sees: exact contact first, then a non-free-mail domain.
// Hot path: ONE D1 statement per request, token check included (see lookupEmails).
import type { LookupCustomer, LookupResult, Suggestion } from "../../../shared/contract";
import { emailDomain, fromMinorOrNull, isFreeMailDomain, isValidEmail, normaliseEmail } from "../../../shared/contract";
import type { Caller } from "../env";
import { sha256Hex } from "../lib/crypto";
import { TOKEN_ROW_COLUMNS, TOKEN_ROW_FROM, type TokenRow, tokenRow } from "../middleware/auth";
import { canSeeOwner } from "./visibility";

/** What is asked per address: its normalised form and the domain it may match by (never a free-mail one). */
function plan(email: string) {
  if (!isValidEmail(email)) return null;
  const address = normaliseEmail(email);
  const domain = emailDomain(address);
  return { address, domain: domain && !isFreeMailDomain(domain) ? domain : null };
}

/** True when an If-None-Match header lists `etag` (weak or strong) or is `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

// Row kinds, in column 0 of every row of LOOKUP_SQL.
const TOKEN = 0;
const CONTACT = 1;
const DOMAIN = 2;

/** The data version's column in the token row (kind, TOKEN_ROW_COLUMNS, data_version, padding). */
const TOKEN_VERSION = 10;

// Columns of a match row (`.raw()` arrays): kind, key (address or domain), then these.
const ID = 2;
const NAME = 3;
const OWNER = 4;
const TIER = 5;
const KEY_ACCOUNT = 6;
const NEGATIVE_VALUE = 7;
const CREDIT = 8;
const OVERDUE = 9;
const CHURN = 10;
/** JSON array [serviceLevel, suggestion 0, 1, 2] cut out of the stored grade by SQLite (one json_extract). */
const PAYLOAD = 11;

/** The columns of a match row after its kind and key; only constants are interpolated into the SQL. */
const MATCH_COLUMNS = `c.id, c.name, c.owner_id, g.tier, g.key_account, g.negative_value, g.credit, g.overdue_amount, g.churn,
    json_extract(g.result, '$.serviceLevel', '$.suggestions[0]', '$.suggestions[1]', '$.suggestions[2]')`;

const JOIN_GRADE = `JOIN customers c ON c.id = m.customer_id
  LEFT JOIN grades g ON g.workspace_id = m.workspace_id AND g.customer_id = m.customer_id`;

/**
 * The token check and the lookup in one statement. `tok` is the bearer's token row (api_tokens by its unique
 * hash, ?1), exactly the rows requireToken accepts; the matches are scoped to ITS workspace, so an unknown,
 * revoked or disabled token yields no rows at all. Row kind 0 is the token row (TOKEN_ROW_COLUMNS, then the
 * workspace's data version), kind 1 the contacts of the addresses in ?2 (JSON list), kind 2 the domains of ?3
 * (JSON list of [address, domain]) whose address is not a contact — a contact wins, so its domain's grade is
 * neither read nor sent.
 * CROSS JOIN keeps `tok` (one row) the outer loop: with a plain JOIN, D1's SQLite scans the whole contacts /
 * domains table and probes `tok` through an automatic index (test/worker/lookup-plan.test.ts guards this).
 */
export const LOOKUP_SQL = `WITH tok(token_id, last_used_at, user_id, email, user_name, role, ws, ws_name, currency, version) AS
  (SELECT ${TOKEN_ROW_COLUMNS}, w.data_version FROM ${TOKEN_ROW_FROM} LIMIT 1)
  SELECT ${TOKEN}, tok.*, NULL FROM tok
  UNION ALL
  SELECT ${CONTACT}, m.email, ${MATCH_COLUMNS}
  FROM tok CROSS JOIN contacts m ON m.workspace_id = tok.ws AND m.email IN (SELECT value FROM json_each(?2))
  ${JOIN_GRADE}
  UNION ALL
  SELECT ${DOMAIN}, m.domain, ${MATCH_COLUMNS}
  FROM tok CROSS JOIN customer_domains m ON m.workspace_id = tok.ws AND m.domain IN (
    SELECT a.value ->> 1 FROM json_each(?3) a WHERE NOT EXISTS (
      SELECT 1 FROM contacts x JOIN customers xc ON xc.id = x.customer_id
      WHERE x.workspace_id = tok.ws AND x.email = a.value ->> 0))
  ${JOIN_GRADE}`;

function toCustomer(row: TokenRow): LookupCustomer {
  const payload = row[PAYLOAD] as string | null;
  const [serviceLevel = null, ...suggestions]: (Record<string, unknown> | null)[] = payload ? JSON.parse(payload) : [];
  const flag = (v: unknown) => (v === null ? null : v === 1);
  return {
    id: row[ID] as string,
    name: row[NAME] as string,
    tier: row[TIER] as string | null,
    keyAccount: flag(row[KEY_ACCOUNT]),
    negativeValue: flag(row[NEGATIVE_VALUE]),
    credit: { rating: row[CREDIT] as string | null, overdueAmount: fromMinorOrNull(row[OVERDUE] as number | null) },
    churn: row[CHURN] as string | null,
    serviceLevel,
    suggestions: suggestions.filter((s) => s !== null) as Suggestion[],
  };
}

export interface Lookup {
  /** Who the bearer token belongs to, and when it was last used (for the throttled last-use write). */
  caller: Caller;
  lastUsedAt: string | null;
  etag: string;
  /** The answers, built only when asked for (not for a 304). */
  results: () => LookupResult[];
}

/**
 * Authenticates the token with hash `tokenHash` and answers each address in the order asked, with an ETag, in
 * ONE D1 round trip of one statement (raw D1, `.raw()` rows: this is the hot path). Null when the token is
 * unknown, revoked or its user disabled — the caller answers 401 and nothing of the data is used.
 * The ETag covers the workspace, its data version (bumped when grades, contacts, domains or owners change), the
 * addresses asked (in order) and — since a rep's answers depend on ownership — the rep.
 */
export async function lookupEmails(d1: D1Database, tokenHash: string, emails: string[]): Promise<Lookup | null> {
  const plans = emails.map(plan);
  const addresses = [...new Set(plans.flatMap((p) => (p ? [p.address] : [])))];
  const domains = [...new Map(plans.flatMap((p) => (p?.domain ? [[p.address, p.domain] as const] : []))).entries()];
  const rows = await d1.prepare(LOOKUP_SQL).bind(tokenHash, JSON.stringify(addresses), JSON.stringify(domains)).raw();
  const token = rows.find((r) => r[0] === TOKEN);
  if (!token) return null;
  const { caller, lastUsedAt } = tokenRow(token, 1);
  const version = (token[TOKEN_VERSION] as number | null) ?? 0;
  const viewer = caller.role === "rep" ? `rep:${caller.userId}` : "all";
  // The list as JSON, not joined: ["a\nb"] and ["a", "b"] are different questions with different answers.
  const key = `${caller.workspaceId}\n${version}\n${viewer}\n${JSON.stringify(emails)}`;
  const etag = `"${(await sha256Hex(key)).slice(0, 32)}"`;
  const results = () => {
    const byContact = new Map<unknown, TokenRow>();
    const byDomain = new Map<unknown, TokenRow>();
    for (const r of rows) {
      if (r[0] === CONTACT) byContact.set(r[1], r);
      else if (r[0] === DOMAIN) byDomain.set(r[1], r);
    }
    return emails.map((email, i): LookupResult => {
      const p = plans[i];
      const contact = p ? byContact.get(p.address) : undefined;
      const row = contact ?? (p?.domain ? byDomain.get(p.domain) : undefined);
      if (!row) return { email, match: null, customer: null };
      if (!canSeeOwner(caller, row[OWNER] as string | null)) return { email, match: "restricted", customer: null };
      return { email, match: contact ? "contact" : "domain", customer: toCustomer(row) };
    });
  };
  return { caller, lastUsedAt, etag, results };
}
