// The lookup behind every address the extension sees: exact contact first, then a non-free-mail domain, in ≤ 2 queries.
import { eq, sql } from "drizzle-orm";
import type { LookupCustomer, LookupResult, Suggestion } from "../../../shared/contract";
import { emailDomain, fromMinorOrNull, isFreeMailDomain, isValidEmail, normaliseEmail } from "../../../shared/contract";
import { workspaces } from "../db/schema";
import type { Caller, Db } from "../env";
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

/**
 * The validator of a lookup answer: the workspace's data version (bumped when grades, contacts, domains or owners
 * change), the addresses asked, and — since a rep's answers depend on ownership — the rep.
 */
export async function lookupEtag(db: Db, caller: Caller, emails: string[]): Promise<string> {
  const [ws] = await db
    .select({ version: workspaces.dataVersion })
    .from(workspaces)
    .where(eq(workspaces.id, caller.workspaceId));
  const viewer = caller.role === "rep" ? `rep:${caller.userId}` : "all";
  const digest = await sha256Hex(`${caller.workspaceId}\n${ws?.version ?? 0}\n${viewer}\n${emails.join("\n")}`);
  return `"${digest.slice(0, 32)}"`;
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

const columns = (via: string, key: string, from: string) =>
  sql.raw(`
  SELECT '${via}' AS via, ${key} AS key, c.id AS id, c.name AS name, c.owner_id AS ownerId,
    g.tier AS tier, g.key_account AS keyAccount, g.negative_value AS negativeValue, g.credit AS credit,
    g.overdue_amount AS overdueAmount, g.churn AS churn,
    json_extract(g.result, '$.serviceLevel') AS serviceLevel, json_extract(g.result, '$.suggestions[0]') AS s0,
    json_extract(g.result, '$.suggestions[1]') AS s1, json_extract(g.result, '$.suggestions[2]') AS s2
  FROM ${from} JOIN customers c ON c.id = m.customer_id
  LEFT JOIN grades g ON g.workspace_id = m.workspace_id AND g.customer_id = m.customer_id`);

/** Answers each address in the order asked with one D1 query (contacts and domains via json_each lists). */
export async function lookupEmails(db: Db, caller: Caller, emails: string[]): Promise<LookupResult[]> {
  const plans = emails.map(plan);
  const addresses = [...new Set(plans.flatMap((p) => (p ? [p.address] : [])))];
  const domains = [...new Set(plans.flatMap((p) => (p?.domain ? [p.domain] : [])))];
  const rows = addresses.length
    ? await db.all<Row>(sql`
        ${columns("contact", "m.email", "contacts m")}
        WHERE m.workspace_id = ${caller.workspaceId} AND m.email IN (SELECT value FROM json_each(${JSON.stringify(addresses)}))
        UNION ALL
        ${columns("domain", "m.domain", "customer_domains m")}
        WHERE m.workspace_id = ${caller.workspaceId} AND m.domain IN (SELECT value FROM json_each(${JSON.stringify(domains)}))`)
    : [];
  const byContact = new Map(rows.filter((r) => r.via === "contact").map((r) => [r.key, r]));
  const byDomain = new Map(rows.filter((r) => r.via === "domain").map((r) => [r.key, r]));
  return emails.map((email, i) => {
    const p = plans[i];
    const contact = p ? byContact.get(p.address) : undefined;
    const row = contact ?? (p?.domain ? byDomain.get(p.domain) : undefined);
    if (!row) return { email, match: null, customer: null };
    if (!canSeeOwner(caller, row.ownerId)) return { email, match: "restricted", customer: null };
    return { email, match: contact ? "contact" : "domain", customer: toCustomer(row) };
  });
}
