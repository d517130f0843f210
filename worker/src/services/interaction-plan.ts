// Deciding one interaction: which customer it belongs to (or 404), and the statements that write it.
import type { InteractionRequest, InteractionResult } from "../../../shared/contract";
import type { Statement } from "../db/batch";
import { contacts, customerDomains, customers, interactions } from "../db/schema";
import type { Caller, Db } from "../env";
import { auditStatement } from "./audit";
import { type CustomerRef, type MatchState, matchableDomain } from "./interaction-match";
import { canSeeOwner } from "./visibility";

export interface Plan {
  item: InteractionRequest;
  /** The customer the interaction is logged on. */
  customerId: string;
  hash: string;
  /** Records to create first (prospect, contact), then the interaction insert. */
  statements: Statement[];
  /** The interaction insert (RETURNING the row), one of `statements`. */
  insert: Statement;
  createsRecords: boolean;
}

function notFound(item: InteractionRequest, message: string): InteractionResult {
  const field = item.customerId ? "customerId" : "email";
  return { id: item.id, status: 404, error: { code: "not_found", message, details: [{ field, message }] } };
}

/** A prospect for an unknown address: a person at a free-mail address, else an organisation named by its domain. */
function prospectStatements(db: Db, caller: Caller, item: InteractionRequest, email: string, domain: string | null) {
  const id = crypto.randomUUID();
  const contactId = crypto.randomUUID();
  const ws = caller.workspaceId;
  const statements: Statement[] = [
    db.insert(customers).values({
      id,
      workspaceId: ws,
      name: domain ?? item.contactName ?? email,
      kind: domain ? "enterprise" : "individual",
      lifecycleStage: "prospect",
      ownerId: caller.userId,
    }),
    db
      .insert(contacts)
      .values({ id: contactId, workspaceId: ws, customerId: id, name: item.contactName ?? email, email }),
    ...(domain
      ? [db.insert(customerDomains).values({ workspaceId: ws, domain, customerId: id }).onConflictDoNothing()]
      : []),
    auditStatement(db, caller, "customer.create_prospect", { type: "customer", id }, { email, interactionId: item.id }),
  ];
  return { customer: { id, ownerId: caller.userId }, contactId, statements };
}

/**
 * Resolves the item's customer against `state` (and records what it creates there, so later items of the same
 * batch see it), returning a 404 result or the plan of statements. Customers a rep may not see answer 404.
 */
export function planItem(
  db: Db,
  caller: Caller,
  item: InteractionRequest,
  hash: string,
  state: MatchState,
): Plan | InteractionResult {
  const creations: Statement[] = [];
  let customer: CustomerRef | undefined;
  /** The address of the contact touched: `email`, or `contactEmail` with `customerId`. */
  let address: string | undefined;
  if (item.customerId) {
    customer = state.customersById.get(item.customerId);
    if (!customer || !canSeeOwner(caller, customer.ownerId)) return notFound(item, "No such customer.");
    address = item.contactEmail;
    if (address && !state.byContact.has(address)) {
      const contactId = crypto.randomUUID();
      creations.push(
        db.insert(contacts).values({
          id: contactId,
          workspaceId: caller.workspaceId,
          customerId: customer.id,
          name: item.contactName ?? address,
          email: address,
        }),
        auditStatement(
          db,
          caller,
          "contact.create",
          { type: "contact", id: contactId },
          { email: address, customerId: customer.id },
        ),
      );
      state.byContact.set(address, customer);
      state.contactOf.set(address, contactId);
    }
  } else if (item.email) {
    address = item.email;
    const domain = matchableDomain(item.email);
    customer = state.byContact.get(item.email) ?? (domain ? state.byDomain.get(domain) : undefined);
    if (customer && !canSeeOwner(caller, customer.ownerId)) return notFound(item, "No such customer.");
    if (!customer) {
      if (!item.createProspect) return notFound(item, "No customer has this address or its domain.");
      const prospect = prospectStatements(db, caller, item, item.email, domain);
      customer = prospect.customer;
      creations.push(...prospect.statements);
      state.customersById.set(customer.id, customer);
      state.byContact.set(item.email, customer);
      state.contactOf.set(item.email, prospect.contactId);
      if (domain) state.byDomain.set(domain, customer);
    }
  }
  if (!customer) return notFound(item, "No such customer.");
  // Linked only to a contact of this very customer (an address may belong to another customer's contact).
  const contactId = address && state.byContact.get(address)?.id === customer.id ? state.contactOf.get(address) : null;
  const values = {
    workspaceId: caller.workspaceId,
    id: item.id,
    customerId: customer.id,
    userId: caller.userId,
    contactId: contactId ?? null,
    kind: item.kind,
    direction: item.direction ?? null,
    occurredAt: item.occurredAt,
    summary: item.summary,
    sourceUrl: item.sourceUrl ?? null,
    sourceTitle: item.sourceTitle ?? null,
    bodyHash: hash,
  };
  // With records to create, a duplicate id must fail the whole batch (no orphan prospect); alone, it is kept quietly.
  const insert = creations.length
    ? db.insert(interactions).values(values).returning()
    : db.insert(interactions).values(values).onConflictDoNothing().returning();
  return {
    item,
    customerId: customer.id,
    hash,
    statements: [...creations, insert],
    insert,
    createsRecords: creations.length > 0,
  };
}
