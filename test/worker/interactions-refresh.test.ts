// Logging a touch refreshes the customer's stored grade at once: the overdue follow-up or the pending reply the rep
// just handled no longer shows on the card or the customer page, without waiting for the next regrade.
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { CustomerDetailResponse } from "../../shared/contract/customer-detail";
import { dayNumber, isoDate } from "../../shared/dates";
import * as schema from "../../worker/src/db/schema";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { formFields, formHtml } from "./admin-forms";
import { page, sessionFor } from "./admin-helpers";
import { awaitingReply, insertCustomer } from "./fixtures";
import { call, createTestWorkspace, db, type TestUser } from "./helpers";

const ASOF = "2026-03-01";

/** "Overdue Ltd", graded as of ASOF: an email waits for a reply and the follow-up is overdue. */
const gradedCustomer = () => awaitingReply("Refresh Co.", "Overdue Ltd", ASOF);

const detail = async (user: TestUser, id: string) =>
  (await (await call(user, "GET", `/api/v1/customers/${id}`)).json()) as CustomerDetailResponse;
const codes = (d: CustomerDetailResponse) => d.suggestions.map((s) => s.code);
const version = async (ws: string) =>
  (await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, ws)))[0]?.dataVersion;
/** The customers the list finds with a follow-up due by `day`. */
const dueBy = async (user: TestUser, day: string) =>
  (
    (await (await call(user, "GET", `/api/v1/customers?followUpBy=${day}`)).json()) as { items: { id: string }[] }
  ).items.map((i) => i.id);
const log = (user: TestUser, body: Record<string, unknown>) =>
  call(user, "POST", "/api/v1/interactions", { id: crypto.randomUUID(), summary: "logged", ...body });

it("an outgoing email clears the reply and the overdue follow-up at once, and bumps the data version", async () => {
  const { admin, customerId } = await gradedCustomer();
  const before = await detail(admin, customerId);
  expect(codes(before)).toEqual(expect.arrayContaining(["reply-due", "follow-up-overdue"]));
  // The regrade stored the next follow-up beside the grade, so the list finds the customer due.
  expect(await dueBy(admin, ASOF)).toEqual([customerId]);
  const v0 = await version(admin.workspaceId);

  const body = {
    id: crypto.randomUUID(),
    customerId,
    kind: "email",
    direction: "out",
    occurredAt: `${ASOF}T09:00:00+08:00`,
  };
  expect((await log(admin, body)).status).toBe(201);
  const after = await detail(admin, customerId);
  expect(codes(after)).not.toContain("reply-due");
  expect(codes(after)).not.toContain("follow-up-overdue");
  expect(after.grade?.facts.lastContact).toBe("2026-03-01T01:00:00.000Z");
  const cadence = before.grade?.serviceLevel.cadenceDays ?? 0;
  expect(after.grade?.serviceLevel.nextFollowUp).toBe(isoDate(dayNumber(ASOF) + cadence));
  expect(await dueBy(admin, ASOF)).toEqual([]);
  expect(await dueBy(admin, isoDate(dayNumber(ASOF) + cadence))).toEqual([customerId]);
  expect(after.grade?.tier).toBe(before.grade?.tier);
  const v1 = await version(admin.workspaceId);
  expect(v1).toBeGreaterThan(v0 ?? 0);

  // The same interaction again is a replay: nothing written, no new version.
  expect((await log(admin, body)).status).toBe(200);
  expect(await version(admin.workspaceId)).toBe(v1);
  // A call dated in 2099 (a typo) is no contact yet: it is refused, and the grade keeps its follow-up.
  expect(
    (await log(admin, { customerId, kind: "call", direction: "out", occurredAt: "2099-01-01T10:00:00Z" })).status,
  ).toBe(400);
  expect(await version(admin.workspaceId)).toBe(v1);
  // A note dated before the last contact changes nothing on the grade either.
  expect((await log(admin, { customerId, kind: "note", occurredAt: "2026-01-10T00:00:00Z" })).status).toBe(201);
  expect(await version(admin.workspaceId)).toBe(v1);
  expect((await detail(admin, customerId)).grade).toEqual(after.grade);

  // The next regrade agrees on what the refresh changed.
  await regradeWorkspace(db, admin.workspaceId, ASOF);
  const regraded = await detail(admin, customerId);
  expect(regraded.grade?.facts.lastContact).toBe(after.grade?.facts.lastContact);
  expect(regraded.grade?.serviceLevel).toEqual(after.grade?.serviceLevel);
  expect(codes(regraded).filter((c) => c.startsWith("follow-up") || c === "reply-due")).toEqual([]);
});

it("a call leaves the unanswered email's reply step (only an outgoing touch answers it)", async () => {
  const { admin, customerId } = await gradedCustomer();
  expect((await log(admin, { customerId, kind: "call", occurredAt: `${ASOF}T03:00:00Z` })).status).toBe(201);
  const after = await detail(admin, customerId);
  expect(codes(after)).toContain("reply-due");
  expect(codes(after)).not.toContain("follow-up-overdue");
});

it("logs as usual when the stored grade cannot be refreshed (written by older code), leaving it to the regrade", async () => {
  const admin = await createTestWorkspace("Legacy Co.");
  const customerId = await insertCustomer(admin.workspaceId);
  const read = async () =>
    (await db.select().from(schema.grades).where(eq(schema.grades.customerId, customerId)))[0]?.result;
  const stored = await read();
  expect(stored).toBeDefined();
  expect(
    (await log(admin, { customerId, kind: "call", direction: "out", occurredAt: `${ASOF}T03:00:00Z` })).status,
  ).toBe(201);
  expect(await read()).toEqual(stored);
});

it("a touch logged on the customer page is outgoing unless the form says incoming: it answers the email waiting", async () => {
  const { admin, customerId } = await gradedCustomer();
  const { jar } = await sessionFor(admin);
  const path = `/admin/customers/${customerId}`;
  const form = formFields(formHtml(await (await page(jar, "GET", path)).text(), `action="${path}/interactions"`));
  expect(form.direction).toBe("out");
  const send = (fields: Record<string, string>) =>
    page(jar, "POST", `${path}/interactions`, { ...form, kind: "email", occurredAt: "2026-03-01T09:00", ...fields });
  // Their follow-up question, logged as incoming: still a reply to make, now for the newer email.
  expect((await send({ direction: "in", summary: "they asked again" })).status).toBe(303);
  expect(codes(await detail(admin, customerId))).toContain("reply-due");
  // An internal note, the form's direction left as it comes: a note goes no way, so the email still waits.
  const noteForm = formFields(formHtml(await (await page(jar, "GET", path)).text(), `action="${path}/interactions"`));
  const note = await send({ id: noteForm.id ?? "", kind: "note", occurredAt: "2026-03-01T09:30", summary: "ask ops" });
  expect(note.status).toBe(303);
  const notes = await db.select().from(schema.interactions).where(eq(schema.interactions.summary, "ask ops"));
  expect(notes.map((n) => [n.kind, n.direction])).toEqual([["note", null]]);
  expect(codes(await detail(admin, customerId))).toContain("reply-due");
  // The reply, logged with the form as it comes (outgoing): nothing waits any more.
  const fresh = formFields(formHtml(await (await page(jar, "GET", path)).text(), `action="${path}/interactions"`));
  expect((await send({ id: fresh.id ?? "", occurredAt: "2026-03-01T10:00", summary: "answered" })).status).toBe(303);
  expect(codes(await detail(admin, customerId))).not.toContain("reply-due");
});
