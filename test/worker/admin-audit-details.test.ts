// The audit page names each detail by the UI's label in the reader's language (en, zh-CN), shows values the way the
// UI does (people by name, yes/no, money, roles), and falls back to the raw key for fields it does not know.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { auditStatement } from "../../worker/src/services/audit";
import { page, sessionFor } from "./admin-helpers";
import { createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

let admin: TestUser;
let repName: string;

/** The audit page's text as `locale` reads it, tags removed and whitespace collapsed. */
async function auditText(locale: "en" | "zh-CN"): Promise<string> {
  const { jar } = await sessionFor(admin);
  jar.cookies.set("tl_lang", locale);
  const res = await page(jar, "GET", "/admin/audit");
  expect(res.status).toBe(200);
  const html = await res.text();
  const main = html.slice(html.indexOf("<main"));
  return main
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

beforeAll(async () => {
  admin = await createTestWorkspace("Audit Co.");
  const rep = await createTestUser(admin.workspaceId, "rep");
  const [row] = await db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, rep.userId));
  repName = row?.name ?? "";
  const actor = { workspaceId: admin.workspaceId, userId: admin.userId };
  const customer = { type: "customer", id: crypto.randomUUID() };
  await auditStatement(db, actor, "customer.update", customer, {
    ownerId: rep.userId,
    creditLimit: 1200.5,
    legalVerified: true,
    mysteryField: "<b>kept as text</b>",
  });
  await auditStatement(db, actor, "user.create", { type: "user", id: rep.userId }, { email: rep.email, role: "rep" });
  await auditStatement(db, actor, "customer.update", customer, { ratings: { relationship: "close", tier_hint: 2 } });
  await auditStatement(
    db,
    actor,
    "scoring.update",
    { type: "scoring_config", id: "2" },
    { from: 1, to: 2, template: "custom", headline: "scorecard" },
  );
  await auditStatement(db, actor, "import", { type: "import", id: "opportunities" }, { type: "opportunities" });
  const named = crypto.randomUUID();
  await db.insert(schema.customers).values({ id: named, workspaceId: admin.workspaceId, name: "Harbour Trading" });
  await auditStatement(
    db,
    actor,
    "interaction.delete",
    { type: "interaction", id: crypto.randomUUID() },
    { customerId: named, kind: "wechat", occurredAt: "2026-11-30T01:30:00.000Z" },
  );
  await auditStatement(
    db,
    actor,
    "regrade",
    { type: "workspace", id: admin.workspaceId },
    { asOf: null, graded: 12, changed: 3, tookMs: 42 },
  );
});

describe("audit details", () => {
  it("reads in English with the UI's labels, people by name and values formatted", async () => {
    const text = await auditText("en");
    expect(text).toContain(`Owner: ${repName}`);
    expect(text).toMatch(/Credit limit: CN¥1,200\.50|Credit limit: ¥1,200\.50/);
    expect(text).toContain("Legal documents: Yes");
    expect(text).toContain("Role: Sales rep");
    expect(text).toContain("Email: ");
    expect(text).toContain("Customers graded: 12");
    expect(text).toContain("Grades changed: 3");
    expect(text).toContain("Took: 42 ms");
    expect(text).toContain("As of: —");
    expect(text).toContain("Manual ratings: relationship: close; tier_hint: 2");
    expect(text).toContain("Scorecard template: Custom");
    expect(text).toMatch(/: Weighted scorecard \(A\/B\/C\)/);
    expect(text).toContain("Import Opportunities");
    expect(text).toContain("Interaction undone");
    expect(text).toContain("Customer: Harbour Trading Kind: WeChat When: Nov 30, 2026");
    for (const raw of [
      "ownerId",
      "creditLimit",
      "legalVerified",
      "tookMs",
      "asOf",
      "role: rep",
      "true",
      "{",
      ": custom",
      ": scorecard",
      "Import opportunities",
      "occurredAt",
      "kind:",
    ]) {
      expect(text, raw).not.toContain(raw);
    }
  });

  it("reads in Chinese with the same fields", async () => {
    const text = await auditText("zh-CN");
    expect(text).toContain(`负责人: ${repName}`);
    expect(text).toMatch(/信用额度: ¥1,200\.50/);
    expect(text).toContain("法律要件: 是");
    expect(text).toContain("角色: 销售");
    expect(text).toContain("已评级客户: 12");
    expect(text).toContain("耗时: 42 毫秒");
    expect(text).toContain("人工评分: relationship: close; tier_hint: 2");
    expect(text).toContain("导入 商机");
    expect(text).toContain("客户: Harbour Trading");
    expect(text).toContain("撤销跟进记录");
    expect(text).not.toContain(": custom");
    expect(text).not.toContain("Customers graded");
    expect(text).not.toContain("ownerId");
  });

  it("keeps an unknown key as it is, and its value as text, never markup", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      expect(await auditText(locale)).toContain("mysteryField: <b>kept as text</b>");
    }
    const { jar } = await sessionFor(admin);
    expect(await (await page(jar, "GET", "/admin/audit")).text()).not.toContain("<b>kept");
  });
});
