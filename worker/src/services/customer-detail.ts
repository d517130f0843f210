// One customer as the API shows it: the record, contacts, domains, full grade, suggestions and recent activity.
import { type AnyColumn, and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Customer, CustomerDetailResponse, Suggestion } from "../../../shared/contract";
import { fromMinor, fromMinorOrNull } from "../../../shared/contract";
import type { CustomerGrade } from "../../../shared/grade/types";
import {
  contacts,
  customerDomains,
  customers,
  grades,
  interactions,
  invoices,
  opportunities,
  orders,
  users,
} from "../db/schema";
import type { Caller, Db } from "../env";
import { notFound } from "../lib/errors";
import { canSeeOwner } from "./visibility";

const RECENT = 50;

type CustomerRow = typeof customers.$inferSelect;

/** The API form of a customer row: amounts in major units, no workspace id. */
export function toCustomer(row: CustomerRow, ownerName: string | null): Customer {
  const { workspaceId: _, creditLimit, wallet, serviceCost, ...rest } = row;
  return {
    ...rest,
    ownerName,
    creditLimit: fromMinorOrNull(creditLimit),
    wallet: fromMinorOrNull(wallet),
    serviceCost: fromMinorOrNull(serviceCost),
  };
}

/** Reads a customer `caller` may see, with its owner's name, or throws 404. */
export async function getVisibleCustomer(db: Db, caller: Caller, id: string) {
  const [row] = await db
    .select({ customer: customers, ownerName: users.name })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.id, id), eq(customers.workspaceId, caller.workspaceId)));
  if (!row || !canSeeOwner(caller, row.customer.ownerId)) throw notFound("customer");
  return row;
}

/** Everything about one customer, read in a single D1 round trip; 404 when unknown or not visible to `caller`. */
export async function getCustomerDetail(db: Db, caller: Caller, id: string): Promise<CustomerDetailResponse> {
  const ws = caller.workspaceId;
  const of = (t: { workspaceId: AnyColumn; customerId: AnyColumn }) => and(eq(t.workspaceId, ws), eq(t.customerId, id));
  const unpaid = or(isNull(invoices.paidDate), lt(invoices.paidAmount, invoices.amount));
  const [
    head,
    contactRows,
    domainRows,
    gradeRows,
    interactionRows,
    orderRows,
    unpaidRows,
    recentInvoices,
    opportunityRows,
  ] = await db.batch([
    // A subquery, not a join: in a D1 batch, drizzle reads rows by column name, and users.name would shadow customers.name.
    db
      .select({
        customer: customers,
        ownerName: sql<string | null>`(SELECT ${users.name} FROM ${users} WHERE ${users.id} = ${customers.ownerId})`,
      })
      .from(customers)
      .where(and(eq(customers.id, id), eq(customers.workspaceId, ws))),
    db.select().from(contacts).where(of(contacts)).orderBy(contacts.name),
    db
      .select({ domain: customerDomains.domain })
      .from(customerDomains)
      .where(of(customerDomains))
      .orderBy(customerDomains.domain),
    db.select({ result: grades.result }).from(grades).where(of(grades)),
    db
      .select()
      .from(interactions)
      .where(and(of(interactions), isNull(interactions.deletedAt)))
      .orderBy(desc(interactions.occurredAt))
      .limit(RECENT),
    db.select().from(orders).where(of(orders)).orderBy(desc(orders.date), desc(orders.id)).limit(RECENT),
    db
      .select()
      .from(invoices)
      .where(and(of(invoices), unpaid))
      .orderBy(invoices.dueDate),
    db.select().from(invoices).where(of(invoices)).orderBy(desc(invoices.dueDate), desc(invoices.id)).limit(RECENT),
    db.select().from(opportunities).where(of(opportunities)).orderBy(desc(opportunities.updatedAt)),
  ]);
  const found = head[0];
  if (!found || !canSeeOwner(caller, found.customer.ownerId)) throw notFound("customer");
  const grade = (gradeRows[0]?.result ?? null) as CustomerGrade | null;
  const invoiceRows = [...unpaidRows, ...recentInvoices.filter((r) => !unpaidRows.some((u) => u.id === r.id))];
  return {
    customer: toCustomer(found.customer, found.ownerName),
    contacts: contactRows.map(({ id, name, email, phone, role }) => ({ id, name, email, phone, role })),
    domains: domainRows.map((d) => d.domain),
    grade,
    suggestions: (grade?.suggestions ?? []) as Suggestion[],
    interactions: interactionRows.map(({ workspaceId: _, bodyHash: __, ...i }) => i),
    orders: orderRows.map(({ workspaceId: _, customerId: __, ...o }) => ({
      ...o,
      amount: fromMinor(o.amount),
      cost: fromMinor(o.cost),
    })),
    invoices: invoiceRows.map(({ workspaceId: _, customerId: __, ...i }) => ({
      ...i,
      amount: fromMinor(i.amount),
      paidAmount: fromMinorOrNull(i.paidAmount),
    })),
    opportunities: opportunityRows.map(({ workspaceId: _, customerId: __, createdAt: ___, updatedAt: ____, ...o }) => ({
      ...o,
      amount: fromMinor(o.amount),
    })),
  };
}
