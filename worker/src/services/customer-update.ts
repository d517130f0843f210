// PATCH of a customer's manual fields: owner, ratings, legal check, credit limit, wallet, attributes (audited).
import { and, eq, isNull } from "drizzle-orm";
import type { Customer, UpdateCustomerRequest } from "../../../shared/contract";
import { toMinor } from "../../../shared/contract";
import { runBatch } from "../db/batch";
import { customers, users } from "../db/schema";
import type { Caller, Db } from "../env";
import { ApiError, forbidden } from "../lib/errors";
import { auditStatement } from "./audit";
import { getVisibleCustomer, toCustomer } from "./customer-detail";
import { bumpDataVersion } from "./data-version";

/** Applies a merge patch: keys set to null are removed, others replaced, keys not named kept. */
function merge<T>(
  current: Record<string, T>,
  patch: Record<string, T | null> | undefined,
): Record<string, T> | undefined {
  if (!patch) return undefined;
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Reps may only take an unowned customer, keep their own, or release their own. */
function checkOwnerChange(caller: Caller, currentOwner: string | null, ownerId: string | null | undefined) {
  if (ownerId === undefined || caller.role !== "rep") return;
  if (ownerId === caller.userId || (ownerId === null && currentOwner === caller.userId)) return;
  throw forbidden("A rep may only take a customer for themselves.");
}

/**
 * Updates the manual fields of a customer `caller` may see (404 otherwise) in one batch with its audit entry.
 * A change of owner bumps the workspace's data version, since a rep's lookups depend on it.
 */
export async function updateCustomer(
  db: Db,
  caller: Caller,
  id: string,
  patch: UpdateCustomerRequest,
): Promise<Customer> {
  const { customer } = await getVisibleCustomer(db, caller, id);
  checkOwnerChange(caller, customer.ownerId, patch.ownerId);
  if (patch.ownerId) {
    const [owner] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, patch.ownerId), eq(users.workspaceId, caller.workspaceId), isNull(users.disabledAt)));
    if (!owner) {
      throw new ApiError(400, "validation_failed", "The request is not valid.", [
        { field: "ownerId", message: "No active user with this id in the workspace." },
      ]);
    }
  }
  const set: Partial<typeof customers.$inferInsert> = { updatedAt: new Date().toISOString() };
  if (patch.ownerId !== undefined) set.ownerId = patch.ownerId;
  if (patch.legalVerified !== undefined) set.legalVerified = patch.legalVerified;
  if (patch.creditLimit !== undefined) set.creditLimit = patch.creditLimit === null ? null : toMinor(patch.creditLimit);
  if (patch.wallet !== undefined) set.wallet = patch.wallet === null ? null : toMinor(patch.wallet);
  const ratings = merge(customer.ratings, patch.ratings);
  if (ratings) set.ratings = ratings as Record<string, string>;
  const attributes = merge(customer.attributes, patch.attributes as Record<string, unknown> | undefined);
  if (attributes) set.attributes = attributes;
  const ownerChanged = patch.ownerId !== undefined && patch.ownerId !== customer.ownerId;
  await runBatch(db, [
    db
      .update(customers)
      .set(set)
      .where(and(eq(customers.id, id), eq(customers.workspaceId, caller.workspaceId))),
    auditStatement(db, caller, "customer.update", { type: "customer", id }, patch),
    ...(ownerChanged ? [bumpDataVersion(db, caller.workspaceId)] : []),
  ]);
  const updated = await getVisibleCustomer(db, { ...caller, role: "admin" }, id);
  return toCustomer(updated.customer, updated.ownerName);
}
