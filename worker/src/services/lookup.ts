// The lookup behind every address the extension sees: exact contact first, then a non-free-mail domain, one round trip.
import type { LookupCustomer, LookupResult, Suggestion } from "../../../shared/contract";
import { emailDomain, fromMinorOrNull, isFreeMailDomain, isValidEmail, normaliseEmail } from "../../../shared/contract";
import type { Caller } from "../env";
import { sha256Hex } from "../lib/crypto";
import { canSeeOwner } from "./visibility";

interface Row {
  via: "contact" | "domain";
  key: string;
  id: string;
  name: string;
  ownerId: string | null;
  tier: string | null;
  keyAccount: number | null;
  negativeValue: number | null;
  credit: string | null;
  overdueAmount: number | null;
  churn: string | null;
  serviceLevel: string | null;
  s0: string | null;
  s1: string | null;
  s2: string | null;
}

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

function toCustomer(row: Row): LookupCustomer {
  const suggestions = [row.s0, row.s1, row.s2]
    .filter((s): s is string => s !== null)
    .map((s) => JSON.parse(s) as Suggestion);
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    keyAccount: row.keyAccount === null ? null : row.keyAccount === 1,
    negativeValue: row.negativeValue === null ? null : row.negativeValue === 1,
    credit: { rating: row.credit, overdueAmount: fromMinorOrNull(row.overdueAmount) },
    churn: row.churn,
    serviceLevel: row.serviceLevel ? (JSON.parse(row.serviceLevel) as Record<string, unknown>) : null,
    suggestions,
  };
}

/** Both halves of the union share these columns; only constants are interpolated. */
const columns = (via: string, key: string, from: string) => `
  SELECT '${via}' AS via, ${key} AS key, c.id AS id, c.name AS name, c.owner_id AS ownerId,
    g.tier AS tier, g.key_account AS keyAccount, g.negative_value AS negativeValue, g.credit AS credit,
    g.overdue_amount AS overdueAmount, g.churn AS churn,
    json_extract(g.result, '$.serviceLevel') AS serviceLevel, json_extract(g.result, '$.suggestions[0]') AS s0,
    json_extract(g.result, '$.suggestions[1]') AS s1, json_extract(g.result, '$.suggestions[2]') AS s2
  FROM ${from} JOIN customers c ON c.id = m.customer_id
  LEFT JOIN grades g ON g.workspace_id = m.workspace_id AND g.customer_id = m.customer_id`;

const MATCH_SQL = `${columns("contact", "m.email", "contacts m")}
  WHERE m.workspace_id = ?1 AND m.email IN (SELECT value FROM json_each(?2))
  UNION ALL
  ${columns("domain", "m.domain", "customer_domains m")}
  WHERE m.workspace_id = ?1 AND m.domain IN (SELECT value FROM json_each(?3))`;

/**
 * Answers each address in the order asked, with an ETag, in ONE D1 round trip (raw D1: this is the hot path) of two statements: the workspace's
 * data version and the matches (contacts and domains through json_each lists, joined to the stored grades).
 * The ETag covers the data version (bumped when grades, contacts, domains or owners change), the addresses asked
 * and — since a rep's answers depend on ownership — the rep.
 */
export async function lookupEmails(
  d1: D1Database,
  caller: Caller,
  emails: string[],
): Promise<{ etag: string; results: LookupResult[] }> {
  const plans = emails.map(plan);
  const addresses = [...new Set(plans.flatMap((p) => (p ? [p.address] : [])))];
  const domains = [...new Set(plans.flatMap((p) => (p?.domain ? [p.domain] : [])))];
  const [version, matches] = await d1.batch([
    d1.prepare("SELECT data_version AS v FROM workspaces WHERE id = ?1").bind(caller.workspaceId),
    d1.prepare(MATCH_SQL).bind(caller.workspaceId, JSON.stringify(addresses), JSON.stringify(domains)),
  ]);
  const viewer = caller.role === "rep" ? `rep:${caller.userId}` : "all";
  const v = (version?.results[0] as { v: number } | undefined)?.v ?? 0;
  const etag = `"${(await sha256Hex(`${caller.workspaceId}\n${v}\n${viewer}\n${emails.join("\n")}`)).slice(0, 32)}"`;
  const rows = (matches?.results ?? []) as Row[];
  const byContact = new Map(rows.filter((r) => r.via === "contact").map((r) => [r.key, r]));
  const byDomain = new Map(rows.filter((r) => r.via === "domain").map((r) => [r.key, r]));
  const results = emails.map((email, i): LookupResult => {
    const p = plans[i];
    const contact = p ? byContact.get(p.address) : undefined;
    const row = contact ?? (p?.domain ? byDomain.get(p.domain) : undefined);
    if (!row) return { email, match: null, customer: null };
    if (!canSeeOwner(caller, row.ownerId)) return { email, match: "restricted", customer: null };
    return { email, match: contact ? "contact" : "domain", customer: toCustomer(row) };
  });
  return { etag, results };
}
