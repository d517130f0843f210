// Validation messages speak the reader's language: zod issue codes, config problems and contract texts, path kept.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseScoringConfig, scoringConfigSchema } from "../../shared/config";
import { defaultConfig } from "../../shared/config/defaults";
import { createUserRequestSchema } from "../../shared/contract";
import { passwordSchema } from "../../shared/contract/auth";
import { translator } from "../../worker/src/admin/i18n";
import { issueText, messageText, problemsFromIssues } from "../../worker/src/admin/lib/validation-text";
import * as schema from "../../worker/src/db/schema";
import { formFields, formHtml } from "./admin-forms";
import { type Jar, page, sessionFor } from "./admin-helpers";
import { insertCustomer } from "./fixtures";
import { createTestWorkspace, db, type TestUser } from "./helpers";

const zh = translator("zh-CN");
const en = translator("en");
const issuesOf = (schema: { safeParse(x: unknown): { error?: { issues: unknown[] } } }, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []) as Parameters<typeof issueText>[1][];

describe("zod issues by code", () => {
  it("words too_small, too_big, invalid_type, invalid_format and invalid_value in Chinese", () => {
    const [short] = issuesOf(passwordSchema, "short");
    expect(short && issueText(zh, short)).toBe("至少 12 个字符。");
    const user = { name: "", email: "not an email", role: "boss", password: "x".repeat(300) };
    const problems = problemsFromIssues(zh, issuesOf(createUserRequestSchema, user));
    expect(problems).toMatchObject({
      name: "必填。",
      email: "请输入有效的电子邮件地址。",
      role: "请从以下选项中选择：admin, manager, rep。",
      password: "最多 256 个字符。",
    });
  });

  it("words the configuration's number rules with their bounds, keyed by dotted path", () => {
    const config = defaultConfig();
    config.scorecard.thresholds.a = 120;
    config.windowDays = 1.5;
    (config.scorecard.criteria[0] as { weight: number }).weight = Number.NaN;
    config.churn.highMultiple = 0;
    const problems = problemsFromIssues(zh, issuesOf(scoringConfigSchema, config));
    expect(problems).toMatchObject({
      "scorecard.thresholds.a": "不能大于 100。",
      windowDays: "请输入整数。",
      "scorecard.criteria.0.weight": "请输入数字。",
      "churn.highMultiple": "必须大于 0。",
    });
  });

  it("maps every consistency problem of parseScoringConfig to a catalogue text (none left in English)", () => {
    const c = defaultConfig();
    c.scorecard.criteria[1] = { ...c.scorecard.criteria[0], weight: 50 } as (typeof c.scorecard.criteria)[number];
    c.scorecard.thresholds = { a: 50, b: 60 };
    c.abc = { basis: "revenue", aPercent: 95, bPercent: 80 };
    c.pyramid = { vipPercent: 50, keyPercent: 50, majorPercent: 50, ordinaryPercent: 0 };
    c.value = { ...c.value, mostValuablePercent: 0, secondTierPercent: 0 };
    c.credit = {
      ...c.credit,
      fair: { minOnTimePercent: 10, maxDaysLate: 99 },
      hold: { overdueDays: 1, minOnTimePercent: 90 },
    };
    c.churn = { ...c.churn, mediumMultiple: 9, highMultiple: 2 };
    c.service = { ...c.service, cadenceDays: { A: 90, B: 30, C: 7 } };
    c.kaism = { ...c.kaism, strength: [...c.kaism.strength, { factor: "tenure", weight: 0 }] };
    const parsed = parseScoringConfig(c);
    if (parsed.ok) throw new Error("expected problems");
    expect(parsed.problems.length).toBeGreaterThanOrEqual(10);
    for (const p of parsed.problems) {
      const text = messageText(zh, p.message);
      expect(text, `${p.path}: ${p.message}`).not.toBe(p.message);
      expect(text, p.path).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(messageText(zh, "weights sum to 120, not 100")).toBe("权重合计为 120，应为 100。");
    expect(messageText(en, "weights sum to 120, not 100")).toBe("The weights sum to 120, not 100.");
  });

  it("translates service texts that arrive as English only, and leaves unknown ones as they are", () => {
    expect(messageText(zh, "Too small: expected number to be >=0")).toBe("不能小于 0。");
    expect(messageText(zh, 'Invalid option: expected one of "a"|"b"')).toBe("请从以下选项中选择：a, b。");
    expect(messageText(zh, "Also in row 3: each external_id may appear once per import.")).toBe(
      "与第 3 行重复：每个 external_id 在一次导入中只能出现一次。",
    );
    expect(messageText(zh, "Something nobody wrote a rule for.")).toBe("Something nobody wrote a rule for.");
  });
});

describe("pages in zh-CN", () => {
  let admin: TestUser;
  let jar: Jar;
  beforeAll(async () => {
    admin = await createTestWorkspace("校验 Co.");
    ({ jar } = await sessionFor(admin));
    jar.cookies.set("tl_lang", "zh-CN");
  });

  it("the scoring preview lists problems in Chinese beside their fields, with the path", async () => {
    const html = await (await page(jar, "GET", "/admin/scoring")).text();
    const fields = formFields(formHtml(html, 'action="/admin/scoring" class="scoring-form"'));
    const sum = await page(jar, "POST", "/admin/scoring", {
      ...fields,
      "scorecard.criteria.0.weight": "50",
      intent: "preview",
    });
    expect(sum.status).toBe(400);
    expect(await sum.text()).toMatch(/权重合计为 120，应为 100。<code class="path">scorecard\.criteria<\/code>/);
    const res = await page(jar, "POST", "/admin/scoring", {
      ...fields,
      "scorecard.criteria.1.id": "Profit!",
      "scorecard.thresholds.b": "",
      intent: "preview",
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toMatch(
      /只能使用小写字母、数字和下划线，并以字母开头。<code class="path">scorecard\.criteria\.1\.id<\/code>/,
    );
    expect(body).toMatch(/请输入数字。<code class="path">scorecard\.thresholds\.b<\/code>/);
    expect(body).not.toMatch(/Invalid input|Too small|weights sum/);
  });

  it("adding a person with a bad address and a short password answers in Chinese", async () => {
    const html = await (await page(jar, "GET", "/admin/people")).text();
    const fields = formFields(formHtml(html, 'action="/admin/people"'));
    const res = await page(jar, "POST", "/admin/people", {
      ...fields,
      name: "李雷",
      email: "li lei",
      role: "rep",
      password: "short",
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("请输入有效的电子邮件地址。");
    expect(body).toContain("至少 12 个字符。");
    expect(body).not.toContain("Must be");
  });

  it("a refused log or edit shows again with what was typed, the problem beside its field, nothing stored", async () => {
    const id = await insertCustomer(admin.workspaceId, { name: "表单 Co.", grade: null });
    const path = `/admin/customers/${id}`;
    const html = await (await page(jar, "GET", path)).text();
    const log = formFields(formHtml(html, `action="${path}/interactions"`));
    expect(formHtml(html, `action="${path}/interactions"`)).toMatch(
      /name="occurredAt"[^>]* max="\d{4}-\d\d-\d\dT\d\d:\d\d"/,
    );
    const summary = "拜访：谈 2027 年度框架 <b>加急</b>";
    const typo = await page(jar, "POST", `${path}/interactions`, {
      ...log,
      kind: "visit",
      occurredAt: "2099-01-02T10:30",
      summary,
    });
    expect(typo.status).toBe(400);
    const again = formHtml(await typo.text(), `action="${path}/interactions"`);
    expect(again).toContain("时间不能晚于现在一天以上");
    expect(formFields(again)).toMatchObject({ kind: "visit", occurredAt: "2099-01-02T10:30", summary });
    const blank = await page(jar, "POST", `${path}/interactions`, { ...log, summary: "  \n " });
    expect(blank.status).toBe(400);
    expect(formHtml(await blank.text(), `action="${path}/interactions"`)).toMatch(/id="f-summary-error">必填。/);
    // A crafted or stale form: a kind and a direction the selects cannot send, each named on its own field.
    const crafted = await page(jar, "POST", `${path}/interactions`, { ...log, kind: "fax", direction: "sideways" });
    expect(crafted.status).toBe(400);
    const craftedForm = formHtml(await crafted.text(), `action="${path}/interactions"`);
    expect(craftedForm).toMatch(/id="f-kind-error">请从列表中选择联系方式。/);
    expect(craftedForm).toMatch(/id="f-direction-error">请选择我方联系客户或客户联系我方。/);
    expect(craftedForm).not.toContain("f-occurredAt-error");
    const stored = await db.select().from(schema.interactions).where(eq(schema.interactions.customerId, id));
    expect(stored).toEqual([]);

    const edit = formFields(formHtml(html, `action="${path}/edit"`));
    const bad = await page(jar, "POST", `${path}/edit`, { ...edit, creditLimit: "-5", legalVerified: "1" });
    expect(bad.status).toBe(400);
    const editAgain = formHtml(await bad.text(), `action="${path}/edit"`);
    expect(formFields(editAgain)).toMatchObject({ creditLimit: "-5", legalVerified: "1" });
    const [customer] = await db.select().from(schema.customers).where(eq(schema.customers.id, id));
    expect(customer?.creditLimit).toBeNull();
  });

  it("a log form sent twice (a double click, a resend) logs once; sent again with other content it says so", async () => {
    const id = await insertCustomer(admin.workspaceId, { name: "双击 Co.", grade: null });
    const path = `/admin/customers/${id}`;
    const form = formFields(formHtml(await (await page(jar, "GET", path)).text(), `action="${path}/interactions"`));
    expect(form.id).toMatch(/^[0-9a-f-]{36}$/);
    const sent = { ...form, kind: "call", summary: "确认报价" };
    for (let i = 0; i < 2; i++) {
      const res = await page(jar, "POST", `${path}/interactions`, sent);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toContain("notice=interactionLogged");
    }
    const logs = () => db.select().from(schema.interactions).where(eq(schema.interactions.customerId, id));
    expect((await logs()).map((l) => [l.id, l.summary])).toEqual([[form.id, "确认报价"]]);

    const other = await page(jar, "POST", `${path}/interactions`, { ...sent, summary: "另一件事" });
    expect(other.status).toBe(409);
    const again = formHtml(await other.text(), `action="${path}/interactions"`);
    expect(again).toContain("此表单已提交过不同的内容");
    const fresh = formFields(again);
    expect(fresh).toMatchObject({ summary: "另一件事" });
    expect(fresh.id).not.toBe(form.id);
    expect((await page(jar, "POST", `${path}/interactions`, fresh)).status).toBe(303);
    expect((await logs()).map((l) => l.summary).sort()).toEqual(["另一件事", "确认报价"]);
  });
});
