// Who sees which customer: admins and managers all of the workspace; reps those they own plus unowned ones.
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import { customers } from "../db/schema";
import type { Caller } from "../env";

/** The WHERE condition of customers `caller` may see (always scoped to the caller's workspace). */
export function visibleCustomers(caller: Caller): SQL {
  const scope = eq(customers.workspaceId, caller.workspaceId);
  if (caller.role !== "rep") return scope;
  return and(scope, or(eq(customers.ownerId, caller.userId), isNull(customers.ownerId))) as SQL;
}

/** True when `caller` may see a customer with this owner. */
export function canSeeOwner(caller: Caller, ownerId: string | null): boolean {
  return caller.role !== "rep" || ownerId === null || ownerId === caller.userId;
}
