// The admin customer list's follow-up filter: who is due today or overdue (or within the week), in the workspace's
// time zone, most overdue first, with the next follow-up shown and an overdue one marked.
import { beforeAll, describe, expect, it } from "vitest";
import { dayNumber, isoDate } from "../../shared/dates";
import { todayIn } from "../../worker/src/admin/lib/zoned-time";
import { formFields, formHtml } from "./admin-forms";
import { page, sessionFor } from "./admin-helpers";
import { insertCustomer } from "./fixtures";
import { createTestWorkspace, type TestUser } from "./helpers";

let admin: TestUser;
/** Days from today in Asia/Shanghai (the workspace's zone), as the page counts them. */
const day = (offset: number) => isoDate(dayNumber(todayIn("Asia/Shanghai")) + offset);

async function view(path: string, lang = "en") {
  const { jar } = await sessionFor(admin);
  jar.cookies.set("tl_lang", lang);
  const res = await page(jar, "GET", path);
  expect(res.status).toBe(200);
  const html = await res.text();
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "").filter((r) => r.includes("<td"));
  return {
    html,
    names: rows.map((r) => /<a href="\/admin\/customers\/[^"]+">([^<]*)<\/a>/.exec(r)?.[1]),
    overdue: rows.filter((r) => /badge credit-hold">(overdue|已逾期)</.test(r)).length,
  };
}

beforeAll(async () => {
  admin = await createTestWorkspace("Follow-up Co.");
  const specs: [string, number | null][] = [
    ["Later", 20],
    ["Today", 0],
    ["Long overdue", -30],
    ["This week", 3],
    ["Yesterday", -1],
    ["Not graded", null],
  ];
  for (const [name, offset] of specs) {
    await insertCustomer(admin.workspaceId, {
      name,
      grade: offset === null ? null : { nextFollowUp: day(offset) },
    });
  }
});

describe("the customer list's follow-up filter", () => {
  it("lists who is due today or overdue, most overdue first, marking the overdue ones", async () => {
    const due = await view("/admin/customers?followUp=due");
    expect(due.names).toEqual(["Long overdue", "Yesterday", "Today"]);
    expect(due.overdue).toBe(2);
    expect(due.html).toMatch(/<option value="followUp" selected="">Next follow-up ↑<\/option>/);
  });

  it("picking the filter in the form (its sort left at Default) also lists the most overdue first", async () => {
    const { html } = await view("/admin/customers");
    const fields = formFields(formHtml(html, 'action="/admin/customers"'));
    expect(fields.sort).toBe("");
    const query = new URLSearchParams({ ...fields, followUp: "due" });
    expect((await view(`/admin/customers?${query}`)).names).toEqual(["Long overdue", "Yesterday", "Today"]);
  });

  it("narrows to the overdue ones (due before today), widens to the coming week, and keeps an explicit sort", async () => {
    expect((await view("/admin/customers?followUp=overdue")).names).toEqual(["Long overdue", "Yesterday"]);
    expect((await view("/admin/customers?followUp=week")).names).toEqual([
      "Long overdue",
      "Yesterday",
      "Today",
      "This week",
    ]);
    expect((await view("/admin/customers?followUp=week&sort=name")).names).toEqual([
      "Long overdue",
      "This week",
      "Today",
      "Yesterday",
    ]);
  });

  it("ignores a value it does not know, and speaks Chinese", async () => {
    expect((await view("/admin/customers?followUp=someday")).names).toHaveLength(6);
    const zh = await view("/admin/customers?followUp=due", "zh-CN");
    expect(zh.html).toContain("今天到期或已逾期");
    expect(zh.html).toContain("<th>下次跟进</th>");
    expect(zh.overdue).toBe(2);
  });
});
