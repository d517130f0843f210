// What an interaction batch needs to know before writing, read in one D1 round trip: stored ids, customers, addresses.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { InteractionRequest } from "../../../shared/contract";
import { emailDomain, isFreeMailDomain } from "../../../shared/contract";
import { contacts, customerDomains, customers, interactions } from "../db/schema";
import type { Db } from "../env";

export type StoredInteraction = typeof interactions.$inferSelect;
export interface CustomerRef {
  id: string;
  ownerId: string | null;
}

export interface MatchState {
  stored: Map<string, StoredInteraction>;
  customersById: Map<string, CustomerRef>;
  /** Contact address → its customer. */
  byContact: Map<string, CustomerRef>;
  /** Contact address → the contact's id (the interaction's contact_id). */
  contactOf: Map<string, string>;
  /** Customer domain → its customer. */
  byDomain: Map<string, CustomerRef>;
}

/** The domain an address may match by: null for a free-mail one. */
export function matchableDomain(email: string): string | null {
  const domain = emailDomain(email);
  return domain && !isFreeMailDomain(domain) ? domain : null;
}

/** `IN` over any number of values in one bound parameter (D1 binds 100 at most): a json_each subquery. */
export const list = (values: Iterable<string>) =>
  sql`(SELECT value FROM json_each(${JSON.stringify([...new Set(values)])}))`;

/** Reads stored interactions with these ids, the named customers, and every customer the addresses name. */
export async function readMatchState(db: Db, workspaceId: string, items: InteractionRequest[]): Promise<MatchState> {
  const ids = items.map((i) => i.id);
  const customerIds = items.flatMap((i) => (i.customerId ? [i.customerId] : []));
  const emails = items.flatMap((i) => [i.email, i.contactEmail].filter((e): e is string => e !== undefined));
  const domains = items.flatMap((i) =>
    i.email && matchableDomain(i.email) ? [matchableDomain(i.email) as string] : [],
  );
  const [stored, named, addressed] = await db.batch([
    db
      .select()
      .from(interactions)
      .where(and(eq(interactions.workspaceId, workspaceId), inArray(interactions.id, list(ids)))),
    db
      .select({ id: customers.id, ownerId: customers.ownerId })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, list(customerIds)))),
    db
      .select({
        via: sql<string>`'contact'`.as("via"),
        key: sql<string>`${contacts.email}`.as("key"),
        id: customers.id,
        ownerId: customers.ownerId,
        contactId: sql<string | null>`${contacts.id}`.as("contact_id"),
      })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.email, list(emails))))
      .unionAll(
        db
          .select({
            via: sql<string>`'domain'`.as("via"),
            key: customerDomains.domain,
            id: customers.id,
            ownerId: customers.ownerId,
            contactId: sql<string | null>`null`.as("contact_id"),
          })
          .from(customerDomains)
          .innerJoin(customers, eq(customers.id, customerDomains.customerId))
          .where(and(eq(customerDomains.workspaceId, workspaceId), inArray(customerDomains.domain, list(domains)))),
      ),
  ]);
  const ref = (r: CustomerRef): CustomerRef => ({ id: r.id, ownerId: r.ownerId });
  return {
    stored: new Map(stored.map((s) => [s.id, s])),
    customersById: new Map(named.map((c) => [c.id, ref(c)])),
    byContact: new Map(addressed.filter((r) => r.via === "contact").map((r) => [r.key, ref(r)])),
    contactOf: new Map(addressed.flatMap((r) => (r.via === "contact" && r.contactId ? [[r.key, r.contactId]] : []))),
    byDomain: new Map(addressed.filter((r) => r.via === "domain").map((r) => [r.key, ref(r)])),
  };
}
