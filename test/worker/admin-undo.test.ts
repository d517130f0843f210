// Undo in the admin UI: the notice after a log offers Undo (on the customer's page and on Today, back to the same
// view), the notice after a removal offers Restore, the timeline removes a touch the caller may undo, and a rep
// cannot remove a colleague's.
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { formFields, formHtml } from "./admin-forms";
import { page, sessionFor } from "./admin-helpers";
import { call, createTestUser, createTestWorkspace, db } from "./helpers";

async function customerOf() {
  const admin = await createTestWorkspace("Undo UI Co.");
  const customerId = crypto.randomUUID();
  await db
    .insert(schema.customers)
    .values({ id: customerId, workspaceId: admin.workspaceId, name: "Harbour Ltd", ownerId: null });
  await db.insert(schema.interactions).values({
    workspaceId: admin.workspaceId,
    id: crypto.randomUUID(),
    customerId,
    kind: "email",
    direction: "in",
    occurredAt: "2026-11-30T01:00:00.000Z",
    summary: "Where is my quote?",
  });
  await regradeWorkspace(db, admin.workspaceId, "2026-12-01");
  return { admin, customerId, ws: admin.workspaceId };
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const stored = async (id: string) =>
  (await db.select().from(schema.interactions).where(eq(schema.interactions.id, id)))[0];

it("logged on the customer's page: Undo beside the notice removes it, Restore brings it back", async () => {
  const { admin, customerId } = await customerOf();
  const { jar } = await sessionFor(admin);
  const customerPage = `/admin/customers/${customerId}`;
  const html = await (await page(jar, "GET", customerPage)).text();
  const action = `${customerPage}/interactions`;
  const form = formFields(formHtml(html, `action="${action}"`));
  const logged = await page(jar, "POST", action, {
    ...form,
    kind: "email",
    direction: "out",
    summary: "Sent the quote",
  });
  expect(logged.status).toBe(303);
  const next = logged.headers.get("Location") as string;
  expect(next).toBe(`${customerPage}?notice=interactionLogged&undo=${form.id}`);
  const after = await (await page(jar, "GET", next)).text();
  expect(text(after)).toContain("Interaction logged. Undo");
  expect(text(after)).toContain("Sent the quote");
  expect(text(after)).not.toContain("Reply to the customer");

  const undoAction = `/admin/interactions/${form.id}/delete`;
  const undone = await page(jar, "POST", undoAction, formFields(formHtml(after, `action="${undoAction}"`)));
  expect(undone.status).toBe(303);
  expect(undone.headers.get("Location")).toBe(`${customerPage}?notice=interactionRemoved&undo=${form.id}`);
  expect((await stored(form.id as string))?.deletedAt).toEqual(expect.any(String));
  // The form sent again (Back, then Log): nothing is logged, and the page says it stays removed.
  const resent = await page(jar, "POST", action, {
    ...form,
    kind: "email",
    direction: "out",
    summary: "Sent the quote",
  });
  expect(resent.headers.get("Location")).toBe(undone.headers.get("Location"));
  const removed = await (await page(jar, "GET", undone.headers.get("Location") as string)).text();
  expect(text(removed)).toContain("Interaction removed: it no longer counts towards the grade or the lists. Restore");
  expect(text(removed)).not.toContain("Sent the quote");
  expect(text(removed)).toContain("Reply to the customer"); // the email waits again

  const restoreAction = `/admin/interactions/${form.id}/restore`;
  const restored = await page(jar, "POST", restoreAction, formFields(formHtml(removed, `action="${restoreAction}"`)));
  expect(restored.headers.get("Location")).toBe(`${customerPage}?notice=interactionRestored`);
  const back = await (await page(jar, "GET", restored.headers.get("Location") as string)).text();
  expect(text(back)).toContain("Interaction restored.");
  expect(text(back)).toContain("Sent the quote");
  expect(back).not.toContain('data-testid="restore-log"');
});

it("logged from a colleague's day on Today: Undo comes back to that view, in Chinese", async () => {
  const { admin, customerId, ws } = await customerOf();
  const rep = await createTestUser(ws, "rep");
  await db.update(schema.customers).set({ ownerId: rep.userId }).where(eq(schema.customers.id, customerId));
  const { jar } = await sessionFor(admin);
  jar.cookies.set("tl_lang", "zh-CN");
  const view = `/admin/today?team=1&owner=${rep.userId}`;
  const html = await (await page(jar, "GET", view)).text();
  const action = `/admin/customers/${customerId}/interactions`;
  const form = formFields(formHtml(html, `action="${action}"`));
  const logged = await page(jar, "POST", action, form);
  const landed = logged.headers.get("Location") as string;
  expect(landed).toBe(`/admin/today?team=1&owner=${rep.userId}&notice=interactionLogged&undo=${form.id}`);
  const after = await (await page(jar, "GET", landed)).text();
  expect(text(after)).toContain("已记录跟进。 撤销");
  const undoAction = `/admin/interactions/${form.id}/delete`;
  const fields = formFields(formHtml(after, `action="${undoAction}"`));
  expect(fields).toMatchObject({ back: "today-team", owner: rep.userId });
  const undone = await page(jar, "POST", undoAction, fields);
  expect(undone.headers.get("Location")).toBe(
    `/admin/today?team=1&owner=${rep.userId}&notice=interactionRemoved&undo=${form.id}`,
  );
  const again = await (await page(jar, "GET", undone.headers.get("Location") as string)).text();
  expect(text(again)).toContain("已删除该跟进记录，它不再计入评级和列表。 恢复");
  expect(again).toContain("Harbour Ltd"); // the reply is owed again, so the customer is back on the day
});

it("the timeline removes what the caller may undo; a rep cannot remove a colleague's; odd undo ids show nothing", async () => {
  const { customerId, ws } = await customerOf();
  const rep = await createTestUser(ws, "rep");
  const colleague = await createTestUser(ws, "rep");
  const mine = crypto.randomUUID();
  const theirs = crypto.randomUUID();
  for (const [user, id, summary] of [
    [rep, mine, "My call"],
    [colleague, theirs, "Their call"],
  ] as const)
    await call(user, "POST", "/api/v1/interactions", {
      id,
      customerId,
      kind: "call",
      occurredAt: "2026-12-01T02:00:00Z",
      summary,
    });
  const { jar, csrf } = await sessionFor(rep);
  const html = await (await page(jar, "GET", `/admin/customers/${customerId}`)).text();
  expect(html).toContain(`action="/admin/interactions/${mine}/delete"`);
  expect(html).not.toContain(`action="/admin/interactions/${theirs}/delete"`);
  expect(html).toMatch(/aria-label="Remove: Call [^"]+"/);
  const forged = await page(jar, "POST", `/admin/interactions/${theirs}/delete`, { _csrf: csrf });
  expect(forged.status).toBe(403);
  expect((await stored(theirs))?.deletedAt).toBeNull();
  const elsewhere = await createTestWorkspace("Elsewhere");
  const stranger = await sessionFor(elsewhere);
  const probe = await page(stranger.jar, "POST", `/admin/interactions/${mine}/delete`, { _csrf: stranger.csrf });
  expect(probe.status).toBe(404);
  expect((await stored(mine))?.deletedAt).toBeNull();
  const odd = await (
    await page(jar, "GET", `/admin/customers/${customerId}?notice=interactionLogged&undo=%3Cscript%3E`)
  ).text();
  expect(text(odd)).toContain("Interaction logged.");
  expect(odd).not.toContain('data-testid="undo-log"');
});
