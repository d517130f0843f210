// Loads a workspace's plain records for the scoring engine: only the columns it reads, one query per table
// for up to 5,000 customers, and beyond that one per range of customer ids, so no single D1 result holds a
// million rows. Repeated strings (customer ids, dates, products) are shared to keep a big workspace in memory.
import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type {
  ContactRecord,
  CustomerRecord,
  InteractionRecord,
  InvoiceRecord,
  OpportunityRecord,
  OrderRecord,
} from "../../../shared/records";
import type { Db } from "../env";
import { contacts, customers, interactions, invoices, opportunities, orders } from "./schema";

/** Customers per range query of the per-customer tables. */
export const CUSTOMERS_PER_PAGE = 5_000;

export interface WorkspaceRecords {
  customers: CustomerRecord[];
  contacts: ContactRecord[];
  orders: OrderRecord[];
  invoices: InvoiceRecord[];
  interactions: InteractionRecord[];
  opportunities: OpportunityRecord[];
}

/** One shared copy of each distinct string. */
function interner() {
  const seen = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = seen.get(s);
    if (known !== undefined) return known as T;
    seen.set(s, s);
    return s;
  };
}

export async function loadWorkspaceRecords(db: Db, workspaceId: string): Promise<WorkspaceRecords> {
  const customerRows = await db
    .select({
      id: customers.id,
      name: customers.name,
      kind: customers.kind,
      nature: customers.nature,
      industry: customers.industry,
      region: customers.region,
      ownerId: customers.ownerId,
      lifecycleStage: customers.lifecycleStage,
      legalVerified: customers.legalVerified,
      creditLimit: customers.creditLimit,
      wallet: customers.wallet,
      serviceCost: customers.serviceCost,
      ratings: customers.ratings,
      attributes: customers.attributes,
    })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .orderBy(asc(customers.id));
  const share = interner();
  for (const c of customerRows) share(c.id);
  // Range bounds: every CUSTOMERS_PER_PAGE-th customer id (ids are sorted).
  const bounds = customerRows.filter((_, i) => i > 0 && i % CUSTOMERS_PER_PAGE === 0).map((c) => c.id);
  /** Runs `query` once per range of customer ids (once in all for up to CUSTOMERS_PER_PAGE customers). */
  const paged = async <T>(ws: SQLiteColumn, customer: SQLiteColumn, query: (where: SQL) => Promise<T[]>) => {
    const out: T[] = [];
    for (let i = 0; i <= bounds.length; i++) {
      const from = i > 0 ? gte(customer, bounds[i - 1]!) : undefined;
      const to = i < bounds.length ? lt(customer, bounds[i]!) : undefined;
      for (const row of await query(and(eq(ws, workspaceId), from, to)!)) out.push(row);
    }
    return out;
  };

  const [orderRows, invoiceRows, interactionRows, contactRows, opportunityRows] = await Promise.all([
    paged(orders.workspaceId, orders.customerId, (where) =>
      db
        .select({
          customerId: orders.customerId,
          date: orders.date,
          amount: orders.amount,
          cost: orders.cost,
          product: orders.product,
          quantity: orders.quantity,
        })
        .from(orders)
        .where(where),
    ),
    paged(invoices.workspaceId, invoices.customerId, (where) =>
      db
        .select({
          customerId: invoices.customerId,
          dueDate: invoices.dueDate,
          amount: invoices.amount,
          paidDate: invoices.paidDate,
          paidAmount: invoices.paidAmount,
        })
        .from(invoices)
        .where(where),
    ),
    paged(interactions.workspaceId, interactions.customerId, (where) =>
      db
        .select({
          id: interactions.id,
          customerId: interactions.customerId,
          kind: interactions.kind,
          direction: interactions.direction,
          occurredAt: interactions.occurredAt,
        })
        .from(interactions)
        .where(where),
    ),
    paged(contacts.workspaceId, contacts.customerId, (where) =>
      db
        .select({
          id: contacts.id,
          customerId: contacts.customerId,
          name: contacts.name,
          email: contacts.email,
          role: contacts.role,
        })
        .from(contacts)
        .where(where),
    ),
    paged(opportunities.workspaceId, opportunities.customerId, (where) =>
      db
        .select({
          id: opportunities.id,
          customerId: opportunities.customerId,
          name: opportunities.name,
          stage: opportunities.stage,
          amount: opportunities.amount,
          expectedClose: opportunities.expectedClose,
          probability: opportunities.probability,
          stageChangedAt: opportunities.stageChangedAt,
        })
        .from(opportunities)
        .where(where),
    ),
  ]);
  for (const o of orderRows) {
    o.customerId = share(o.customerId);
    o.date = share(o.date);
    o.product = share(o.product);
  }
  for (const i of invoiceRows) i.customerId = share(i.customerId);
  for (const i of interactionRows) i.customerId = share(i.customerId);
  return {
    customers: customerRows,
    contacts: contactRows,
    orders: orderRows,
    invoices: invoiceRows,
    interactions: interactionRows,
    opportunities: opportunityRows,
  };
}
