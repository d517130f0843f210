// Undoing a logged touch: DELETE /interactions/:id removes it from the timeline, the grade and the lists at once, a
// replay of its id cannot bring it back, and POST /interactions/:id/restore takes the undo back. Both idempotent.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Interaction } from "../../shared/contract";
import type { CustomerDetailResponse } from "../../shared/contract/customer-detail";
import * as schema from "../../worker/src/db/schema";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { awaitingReply } from "./fixtures";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

const ASOF = "2026-03-01";

/** A customer graded with an email waiting for a reply and a follow-up overdue. */
const waitingCustomer = () => awaitingReply("Undo Co.", "Waiting Ltd", ASOF);

const detail = async (user: TestUser, id: string) =>
  (await (await call(user, "GET", `/api/v1/customers/${id}`)).json()) as CustomerDetailResponse;
const codes = (d: CustomerDetailResponse) => d.suggestions.map((s) => s.code).sort();
const replyDue = async (user: TestUser) =>
  (
    (await (await call(user, "GET", "/api/v1/customers?replyDue=true")).json()) as { items: { id: string }[] }
  ).items.map((i) => i.id);
const reply = (customerId: string) => ({
  id: crypto.randomUUID(),
  customerId,
  kind: "email",
  direction: "out",
  occurredAt: `${ASOF}T09:00:00+08:00`,
  summary: "Answered",
});
const undo = (user: TestUser, id: string) => call(user, "DELETE", `/api/v1/interactions/${encodeURIComponent(id)}`);
const restore = (user: TestUser, id: string) =>
  call(user, "POST", `/api/v1/interactions/${encodeURIComponent(id)}/restore`);

it("undoing a logged reply puts the email back in waiting and the grade back as it was; a replay does not log it again", async () => {
  const { admin, customerId } = await waitingCustomer();
  const before = await detail(admin, customerId);
  expect(codes(before)).toEqual(expect.arrayContaining(["reply-due", "follow-up-overdue"]));
  const body = reply(customerId);
  expect((await call(admin, "POST", "/api/v1/interactions", body)).status).toBe(201);
  const replied = await detail(admin, customerId);
  expect(codes(replied)).not.toContain("reply-due");
  expect(await replyDue(admin)).toEqual([]);

  const res = await undo(admin, body.id);
  expect(res.status).toBe(200);
  const removed = (await res.json()) as Interaction;
  expect(removed).toMatchObject({ id: body.id, summary: "Answered" });
  expect(removed.deletedAt).toEqual(expect.any(String));
  const after = await detail(admin, customerId);
  expect(after.interactions.map((i) => i.id)).not.toContain(body.id);
  expect(codes(after)).toEqual(codes(before));
  expect(after.grade?.facts.lastContact).toBe(before.grade?.facts.lastContact);
  expect(after.grade?.serviceLevel).toEqual(before.grade?.serviceLevel);
  expect(await replyDue(admin)).toEqual([customerId]);

  // The outbox sending the same item again (a lost answer, a restart): 200 with the removed row, nothing logged.
  const replay = await call(admin, "POST", "/api/v1/interactions/batch", { items: [body] });
  const [result] = ((await replay.json()) as { results: { status: number; interaction: Interaction }[] }).results;
  expect(result?.status).toBe(200);
  expect(result?.interaction.deletedAt).toBe(removed.deletedAt);
  expect(codes(await detail(admin, customerId))).toContain("reply-due");

  // Undoing twice is the same undo.
  const again = await undo(admin, body.id);
  expect(again.status).toBe(200);
  expect(((await again.json()) as Interaction).deletedAt).toBe(removed.deletedAt);

  // The regrade does not count it either.
  await regradeWorkspace(db, admin.workspaceId, ASOF);
  const regraded = await detail(admin, customerId);
  expect(codes(regraded)).toContain("reply-due");
  expect(regraded.grade?.facts.lastContact).toBe(before.grade?.facts.lastContact);

  const audit = await db
    .select({ action: schema.auditLog.action, targetId: schema.auditLog.targetId })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.workspaceId, admin.workspaceId), eq(schema.auditLog.targetType, "interaction")));
  expect(audit).toEqual([{ action: "interaction.delete", targetId: body.id }]);
});

it("restoring takes the undo back: on the timeline again, the reply answered again; twice is the same", async () => {
  const { admin, customerId } = await waitingCustomer();
  const body = reply(customerId);
  await call(admin, "POST", "/api/v1/interactions", body);
  await undo(admin, body.id);
  const res = await restore(admin, body.id);
  expect(res.status).toBe(200);
  expect(((await res.json()) as Interaction).deletedAt).toBeNull();
  const back = await detail(admin, customerId);
  expect(back.interactions.map((i) => i.id)).toContain(body.id);
  expect(codes(back)).not.toContain("reply-due");
  expect(back.grade?.facts.lastContact).toBe("2026-03-01T01:00:00.000Z");
  expect(await replyDue(admin)).toEqual([]);
  expect((await restore(admin, body.id)).status).toBe(200);
  expect((await detail(admin, customerId)).interactions.filter((i) => i.id === body.id)).toHaveLength(1);
});

it("a rep undoes only what they logged; managers any; other workspaces and hidden customers answer 404", async () => {
  const { admin, customerId } = await waitingCustomer();
  const ws = admin.workspaceId;
  const rep = await createTestUser(ws, "rep");
  const other = await createTestUser(ws, "rep");
  const manager = await createTestUser(ws, "manager");
  const mine = reply(customerId);
  const theirs = { ...reply(customerId), occurredAt: `${ASOF}T10:00:00+08:00` };
  expect((await call(rep, "POST", "/api/v1/interactions", mine)).status).toBe(201);
  expect((await call(other, "POST", "/api/v1/interactions", theirs)).status).toBe(201);

  const refused = await undo(rep, theirs.id);
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  expect((await detail(admin, customerId)).interactions.map((i) => i.id)).toContain(theirs.id);
  expect((await undo(rep, mine.id)).status).toBe(200);
  expect((await undo(manager, theirs.id)).status).toBe(200);

  // Another workspace's admin, an unknown id, a customer the rep may not see: 404, and nothing changes.
  const stranger = await createTestWorkspace("Elsewhere");
  expect((await restore(stranger, mine.id)).status).toBe(404);
  expect((await undo(stranger, crypto.randomUUID())).status).toBe(404);
  await db.update(schema.customers).set({ ownerId: other.userId }).where(eq(schema.customers.id, customerId));
  expect((await restore(rep, mine.id)).status).toBe(404);
  const stored = await db
    .select({ id: schema.interactions.id, deletedAt: schema.interactions.deletedAt })
    .from(schema.interactions)
    .where(eq(schema.interactions.id, mine.id));
  expect(stored[0]?.deletedAt).toEqual(expect.any(String));
});
