// /admin/today: the caller's own follow-ups due (most overdue first, each with its next steps and a one-click call)
// and credit to watch, with counts linking to the full lists; a rep's home. Only the caller's own customers, except in
// a manager's or admin's team view.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dayNumber, isoDate } from "../../shared/dates";
import type { Suggestion } from "../../shared/grade/types";
import { todayIn } from "../../worker/src/admin/lib/zoned-time";
import * as schema from "../../worker/src/db/schema";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { formFields, formHtml } from "./admin-forms";
import { page, sessionFor } from "./admin-helpers";
import { insertCustomer } from "./fixtures";
import { createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

/** Days from today in Asia/Shanghai (the workspace's zone), as the page counts them. */
const day = (offset: number) => isoDate(dayNumber(todayIn("Asia/Shanghai")) + offset);
const step = (code: Suggestion["code"], priority: Suggestion["priority"], params = {}, due?: string): Suggestion => ({
  code,
  priority,
  title: { key: `suggest.${code}`, params },
  facts: {},
  ...(due ? { due } : {}),
});
/** An hour from now, and a day ago (ISO timestamps). */
const soon = new Date(Date.now() + 3_600_000).toISOString();
const late = new Date(Date.now() - 86_400_000).toISOString();

let rep: TestUser;
let other: TestUser;
let manager: TestUser;

async function view(user: TestUser, path = "/admin/today", lang = "en") {
  const { jar } = await sessionFor(user);
  jar.cookies.set("tl_lang", lang);
  const res = await page(jar, "GET", path);
  expect(res.status).toBe(200);
  const html = await res.text();
  const section = (id: string) => {
    const part = html.split(`id="${id}"`)[1]?.split("</section>")[0] ?? "";
    const rows = [...part.matchAll(/<tr data-customer="[^"]+">([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "");
    return rows.map((r) => ({
      name: /<a href="\/admin\/customers\/[^"]+">([^<]*)<\/a>/.exec(r)?.[1],
      text: r
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    }));
  };
  const kpis = [...html.matchAll(/<a class="kpi" href="([^"]+)"><b>([^<]*)<\/b>/g)].map((m) => [m[2], m[1]]);
  return { html, replies: section("replies-h"), due: section("due-h"), credit: section("credit-h"), kpis, jar };
}

beforeAll(async () => {
  const admin = await createTestWorkspace("Today Co.");
  rep = await createTestUser(admin.workspaceId, "rep");
  other = await createTestUser(admin.workspaceId, "rep");
  manager = await createTestUser(admin.workspaceId, "manager");
  const mine = { ownerId: rep.userId };
  await insertCustomer(admin.workspaceId, {
    ...mine,
    name: "Long overdue",
    grade: {
      tier: "C",
      nextFollowUp: day(-30),
      suggestions: [step("follow-up-overdue", 2, { days: 29 }), step("find-decision-maker", 3)],
    },
  });
  // Two due today: the A before the C, though the C's name sorts first.
  await insertCustomer(admin.workspaceId, { ...mine, name: "Aardvark", grade: { tier: "C", nextFollowUp: day(0) } });
  await insertCustomer(admin.workspaceId, { ...mine, name: "Due today", grade: { tier: "A", nextFollowUp: day(0) } });
  await insertCustomer(admin.workspaceId, { ...mine, name: "Later", grade: { nextFollowUp: day(10) } });
  await insertCustomer(admin.workspaceId, {
    ...mine,
    name: "Hold Co",
    grade: { credit: "hold", overdueAmount: 1_200_000, nextFollowUp: day(5), suggestions: [step("qualify-budget", 3)] },
  });
  await insertCustomer(admin.workspaceId, {
    ...mine,
    name: "Watch Co",
    grade: { credit: "watch", nextFollowUp: day(9) },
  });
  // Emails waiting for my reply: one due within the hour, one a day late (listed first).
  const reply = (due: string) => step("reply-due", 1, { due }, due);
  await insertCustomer(admin.workspaceId, {
    ...mine,
    name: "Asks today",
    grade: { tier: "A", nextFollowUp: day(6), suggestions: [reply(soon), step("qualify-budget", 3)] },
  });
  await insertCustomer(admin.workspaceId, {
    ...mine,
    name: "Asked yesterday",
    grade: { nextFollowUp: day(8), suggestions: [reply(late)] },
  });
  // Not mine: a colleague's and an unowned customer, both overdue and on hold.
  for (const ownerId of [other.userId, null])
    await insertCustomer(admin.workspaceId, {
      ownerId,
      name: `Not mine ${ownerId ? "colleague" : "unowned"}`,
      grade: {
        credit: "hold",
        overdueAmount: 9_900_000,
        nextFollowUp: day(-60),
        suggestions: [step("reply-due", 1, {}, late)],
      },
    });
});

describe("a rep's day", () => {
  it("lists the emails waiting for my reply, the latest deadline passed first, marked late, with the other steps", async () => {
    const { replies, kpis } = await view(rep);
    expect(replies.map((r) => r.name)).toEqual(["Asked yesterday", "Asks today"]);
    expect(replies[0]?.text).toMatch(/ late /);
    expect(replies[1]?.text).not.toMatch(/ late /);
    expect(replies[1]?.text).toContain("Find out whether the customer can pay");
    expect(replies[1]?.text).not.toContain("Reply to the customer"); // the deadline column says it
    expect(kpis[0]).toEqual(["2", "/admin/customers?owner=me&amp;replyDue=true"]);
  });

  it("the count opens the customer list of those emails, earliest deadline first, in both languages", async () => {
    for (const [lang, label] of [
      ["en", "Reply by ↑"],
      ["zh-CN", "回复期限 ↑"],
    ]) {
      const { html } = await view(rep, "/admin/customers?owner=me&replyDue=true", lang);
      const names = [...html.matchAll(/<a href="\/admin\/customers\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]);
      expect(names).toEqual(["Asked yesterday", "Asks today"]);
      expect(html).toContain(`<option value="replyBy" selected="">${label}</option>`);
    }
  });

  it("lists my follow-ups due, most overdue first (on one day the higher tier first), with how late and the steps", async () => {
    const { due } = await view(rep);
    expect(due.map((r) => r.name)).toEqual(["Long overdue", "Due today", "Aardvark"]);
    expect(due[0]?.text).toContain("30 days overdue");
    expect(due[0]?.text).toContain("never contacted");
    expect(due[0]?.text).toContain("Find and contact the decision maker");
    expect(due[0]?.text).not.toContain("Follow-up overdue by"); // the row says it, as of today
    expect(due[1]?.text).toContain("due today");
    expect(due[1]?.text).toContain("No next step.");
  });

  it("lists my credit to watch, largest overdue first, and counts what the links open", async () => {
    const { credit, kpis } = await view(rep);
    expect(credit.map((r) => r.name)).toEqual(["Hold Co", "Watch Co"]);
    expect(credit[0]?.text).toContain("CN¥12,000");
    expect(credit[0]?.text).toContain("Find out whether the customer can pay");
    expect(kpis.slice(1)).toEqual([
      ["1", "/admin/customers?owner=me&amp;followUp=overdue"],
      ["2", "/admin/customers?owner=me&amp;followUp=due"],
      ["2", "/admin/customers?owner=me&amp;credit=hold,watch&amp;sort=-overdue"],
      ["CN¥12,000", "/admin/customers?owner=me&amp;credit=hold,watch&amp;sort=-overdue"],
    ]);
  });

  it("is the rep's home page and first in the menu, and speaks Chinese", async () => {
    const { jar } = await sessionFor(rep);
    const home = await page(jar, "GET", "/admin");
    expect(home.status).toBe(303);
    expect(home.headers.get("Location")).toBe("/admin/today");
    const { html, due } = await view(rep, "/admin/today", "zh-CN");
    expect(html).toMatch(/<a href="\/admin\/today" aria-current="page">今日<\/a>/);
    expect(html.indexOf('href="/admin/today"')).toBeLessThan(html.indexOf('href="/admin/customers"'));
    expect(due[0]?.text).toContain("已逾期 30 天");
    expect(due[0]?.text).toContain("找到并联系决策者");
    expect(due[1]?.text).toContain("今天到期");
  });

  it("shows a colleague only their own customers, and says so when nothing is due and no credit needs watching", async () => {
    const colleague = await view(other);
    expect(colleague.replies.map((r) => r.name)).toEqual(["Not mine colleague"]);
    expect(colleague.due.map((r) => r.name)).toEqual(["Not mine colleague"]);
    expect(colleague.credit.map((r) => r.name)).toEqual(["Not mine colleague"]);
    const idle = await view(await createTestUser(rep.workspaceId, "rep"));
    expect([idle.due, idle.credit]).toEqual([[], []]);
    expect(idle.kpis.map(([value]) => value)).toEqual(["0", "0", "0", "0", "CN¥0"]);
    expect(idle.html).toContain("No email waits for your reply.");
    expect(idle.html).toContain("No follow-up due: every customer of yours is within their follow-up cadence.");
    expect(idle.html).toContain("None of your customers is on credit hold or watch.");
  });
});

/** A rep's own customer in a workspace of its own with one past touch, graded as of 2026-03-01 by the regrade. */
async function gradedOwnCustomer(
  name: string,
  touch: { kind: "call" | "email"; direction?: "in"; occurredAt: string },
) {
  const admin = await createTestWorkspace(`${name} Co.`);
  const r = await createTestUser(admin.workspaceId, "rep");
  const customerId = crypto.randomUUID();
  await db.insert(schema.customers).values({ id: customerId, workspaceId: admin.workspaceId, name, ownerId: r.userId });
  await db
    .insert(schema.interactions)
    .values({ workspaceId: admin.workspaceId, id: crypto.randomUUID(), customerId, summary: "earlier", ...touch });
  await regradeWorkspace(db, admin.workspaceId, "2026-03-01");
  return { r, customerId };
}

describe("one-click follow-up call", () => {
  it("logs a call now, once even when clicked twice, and the customer leaves the list", async () => {
    const { r, customerId } = await gradedOwnCustomer("Quiet Ltd", {
      kind: "call",
      occurredAt: "2026-01-05T02:00:00.000Z",
    });
    const before = await view(r);
    expect(before.due.map((d) => d.name)).toEqual(["Quiet Ltd"]);
    const action = `/admin/customers/${customerId}/interactions`;
    const form = formFields(formHtml(before.html, `action="${action}"`));
    expect(form).toMatchObject({ kind: "call", direction: "out", summary: "Follow-up call", back: "today" });
    const sent = Date.now();
    for (let click = 0; click < 2; click++) {
      const res = await page(before.jar, "POST", action, form);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe(`/admin/today?notice=interactionLogged&undo=${form.id}`);
    }
    const calls = await db.select().from(schema.interactions).where(eq(schema.interactions.customerId, customerId));
    const logged = calls.filter((c) => c.summary === "Follow-up call");
    expect(logged).toHaveLength(1);
    expect(Math.abs(Date.parse(logged[0]!.occurredAt) - sent)).toBeLessThan(60_000);
    const after = await view(r, "/admin/today?notice=interactionLogged");
    expect(after.due).toEqual([]);
    expect(after.html).toContain("Interaction logged.");
  });
});

describe("one-click reply", () => {
  it("lists an email the regrade found unanswered; Log reply answers it and it leaves the list", async () => {
    const { r, customerId } = await gradedOwnCustomer("Curious Ltd", {
      kind: "email",
      direction: "in",
      occurredAt: "2026-02-27T02:00:00.000Z",
    });
    const stored = async () =>
      (await db.select().from(schema.grades).where(eq(schema.grades.customerId, customerId)))[0]?.replyBy;
    expect(await stored()).toMatch(/^2026-0[23]-\d\dT/); // the regrade wrote the deadline beside the grade
    const before = await view(r);
    expect(before.replies.map((x) => x.name)).toEqual(["Curious Ltd"]);
    const action = `/admin/customers/${customerId}/interactions`;
    const forms = before.html.split("</form>").filter((f) => f.includes(`action="${action}"`));
    const reply = formFields(forms.find((f) => f.includes('value="email"')) ?? "");
    expect(reply).toMatchObject({ kind: "email", direction: "out", summary: "Replied by email", back: "today" });
    expect((await page(before.jar, "POST", action, reply)).status).toBe(303);
    expect(await stored()).toBeNull();
    expect((await view(r)).replies).toEqual([]);
  });
});

describe("a manager's team view", () => {
  const nameOf = async (u: TestUser) =>
    (await db.select().from(schema.users).where(eq(schema.users.id, u.userId)))[0]?.name ?? "";

  it("lists every rep's and unowned customers with their owner; counts and links cover the team", async () => {
    const own = await view(manager);
    expect(own.html).toMatch(/<a href="\/admin\/today" aria-current="true">Mine<\/a>/);
    expect([own.replies, own.due, own.credit]).toEqual([[], [], []]); // the manager owns none
    const team = await view(manager, "/admin/today?team=1");
    expect(team.html).toMatch(/<a href="\/admin\/today\?team=1" aria-current="true">Team<\/a>/);
    // The late ones first (a day ago, in id order), then the one due within the hour.
    expect(
      team.replies
        .map((r) => r.name)
        .slice(0, 3)
        .sort(),
    ).toEqual(["Asked yesterday", "Not mine colleague", "Not mine unowned"]);
    expect(team.replies[3]?.name).toBe("Asks today");
    const row = (name: string) => team.due.find((r) => r.name === name)?.text ?? "";
    expect(row("Not mine colleague")).toContain(await nameOf(other));
    expect(row("Not mine unowned")).toContain("Unowned");
    expect(row("Long overdue")).toContain(await nameOf(rep));
    expect(
      team.credit
        .map((r) => r.name)
        .slice(0, 2)
        .sort(),
    ).toEqual(["Not mine colleague", "Not mine unowned"]);
    expect(team.kpis).toEqual([
      ["4", "/admin/customers?replyDue=true"],
      ["3", "/admin/customers?followUp=overdue"],
      ["2", "/admin/customers?followUp=due"],
      ["4", "/admin/customers?credit=hold,watch&amp;sort=-overdue"],
      ["CN¥210,000", "/admin/customers?credit=hold,watch&amp;sort=-overdue"],
    ]);
    expect(team.html).toContain("The team&#39;s customers on");
  });

  it("shows one colleague's day, picked from the team view; an id from elsewhere shows the whole team", async () => {
    const repName = await nameOf(rep);
    const one = await view(manager, `/admin/today?team=1&owner=${rep.userId}`);
    expect(one.replies.map((r) => r.name)).toEqual(["Asked yesterday", "Asks today"]);
    expect(one.due.map((r) => r.name)).toEqual(["Long overdue", "Due today", "Aardvark"]);
    expect(one.credit.map((r) => r.name)).toEqual(["Hold Co", "Watch Co"]);
    expect(one.html).toContain(`${repName}&#39;s customers on`);
    expect(one.html).toMatch(new RegExp(`<option value="${rep.userId}" selected="">`));
    expect(one.html).not.toContain("<th>Owner</th>"); // one colleague's rows need not name their owner
    expect(one.kpis[0]).toEqual(["2", `/admin/customers?owner=${rep.userId}&amp;replyDue=true`]);
    // A one-click log there comes back to that colleague's day.
    const [c] = await db
      .select()
      .from(schema.customers)
      .where(and(eq(schema.customers.workspaceId, rep.workspaceId), eq(schema.customers.name, "Long overdue")));
    const action = `/admin/customers/${c?.id}/interactions`;
    const form = formFields(formHtml(one.html, `action="${action}"`));
    expect(form).toMatchObject({ back: "today-team", owner: rep.userId });
    const res = await page(one.jar, "POST", action, { ...form, kind: "note" });
    expect(res.headers.get("Location")).toBe(
      `/admin/today?team=1&owner=${rep.userId}&notice=interactionLogged&undo=${form.id}`,
    );
    const foreign = await createTestWorkspace("Elsewhere Co.");
    const stranger = await view(manager, `/admin/today?team=1&owner=${foreign.userId}`);
    expect(stranger.replies.map((r) => r.name)).toHaveLength(4); // the team's, not an empty page for a stranger
    expect(stranger.html).toContain("The team&#39;s customers on");
  });

  it("is not a rep's: asking for it shows their own day, without the switch", async () => {
    const asked = await view(rep, "/admin/today?team=1");
    expect(asked.html).not.toContain('href="/admin/today?team=1"');
    expect(asked.replies.map((r) => r.name)).toEqual(["Asked yesterday", "Asks today"]);
  });

  it("says so in Chinese when the team has nothing, and a one-click log comes back to the team view", async () => {
    const admin = await createTestWorkspace("Quiet team Co.");
    const idle = await view(admin, "/admin/today?team=1", "zh-CN");
    expect(idle.html).toContain("没有等待回复的邮件。");
    expect(idle.html).toContain("没有到期的跟进：所有客户都在跟进周期内。");
    expect(idle.html).toContain(">团队</a>");
    const team = await view(manager, "/admin/today?team=1");
    const [unowned] = await db
      .select()
      .from(schema.customers)
      .where(and(eq(schema.customers.workspaceId, rep.workspaceId), eq(schema.customers.name, "Not mine unowned")));
    const id = unowned?.id;
    const action = `/admin/customers/${id}/interactions`;
    const form = formFields(formHtml(team.html, `action="${action}"`));
    expect(form).toMatchObject({ kind: "email", back: "today-team" });
    const res = await page(team.jar, "POST", action, form);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/admin/today?team=1&notice=interactionLogged&undo=${form.id}`);
  });
});
