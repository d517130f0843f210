// Scoring editor without JavaScript: Move up / Move down reorder the criteria, keep unsaved edits, save only on Save.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScoringConfig } from "../../shared/config";
import * as schema from "../../worker/src/db/schema";
import { buttonValues, formFields, formHtml } from "./admin-forms";
import { type Jar, page, sessionFor } from "./admin-helpers";
import { createTestWorkspace, db, type TestUser } from "./helpers";

const SCORING_FORM = 'action="/admin/scoring" class="scoring-form"';
const DEFAULT_ORDER = ["order_amount", "profit", "credit", "development"];
let admin: TestUser;
let jar: Jar;

beforeAll(async () => {
  admin = await createTestWorkspace("Scoring Order Co.");
  ({ jar } = await sessionFor(admin));
});

/** Submits the scoring form as shown, with `changes` typed in and the button `intent` pressed. */
async function press(html: string, intent: string, changes: Record<string, string> = {}) {
  const fields = formFields(formHtml(html, SCORING_FORM));
  return page(jar, "POST", "/admin/scoring", { ...fields, ...changes, intent });
}

/** The criteria ids in the order the form shows them. */
const idsIn = (html: string) =>
  [...html.matchAll(/name="scorecard\.criteria\.(\d+)\.id"[^>]*value="([^"]*)"/g)].map((m) => m[2]);

/** The opening tag of the button that submits `intent`. */
const buttonTag = (html: string, intent: string) =>
  new RegExp(`<button\\b[^>]*value="${intent}"[^>]*>`).exec(formHtml(html, SCORING_FORM))?.[0] ?? "";

async function activeVersion() {
  const [ws] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId));
  return ws?.activeConfigVersion ?? null;
}

describe("reordering the scoring criteria", () => {
  it("labels every move button with its criterion and disables Move up on the first and Move down on the last", async () => {
    const html = await (await page(jar, "GET", "/admin/scoring")).text();
    const n = idsIn(html).length;
    expect(idsIn(html)).toEqual(DEFAULT_ORDER);
    expect(buttonValues(formHtml(html, SCORING_FORM))).toEqual(expect.arrayContaining(["move-up:1", "move-down:0"]));
    expect(buttonTag(html, "move-up:0")).toContain("disabled");
    expect(buttonTag(html, "move-down:0")).not.toContain("disabled");
    expect(buttonTag(html, `move-down:${n - 1}`)).toContain("disabled");
    expect(buttonTag(html, `move-up:${n - 1}`)).not.toContain("disabled");
    expect(buttonTag(html, "move-up:1")).toContain('aria-label="Move up: Profit contribution"');
    expect(html).toMatch(/value="move-down:1"[^>]*>\s*Move down\s*<\/button>/);
  });

  it("Move down and Move up change the order, keep typed edits, and only Save stores the new order", async () => {
    const before = await activeVersion();
    let html = await (await page(jar, "GET", "/admin/scoring")).text();
    expect(idsIn(html)).toEqual(DEFAULT_ORDER);
    // Unsaved edits on the moving criterion and on ones that stay put.
    let res = await press(html, "move-down:0", {
      "scorecard.criteria.0.label": "Spend",
      "scorecard.criteria.0.weight": "25",
      "scorecard.criteria.2.percentOfWeight.watch": "40",
      "scorecard.criteria.3.weight": "25",
    });
    expect(res.status).toBe(200);
    html = await res.text();
    expect(idsIn(html)).toEqual(["profit", "order_amount", "credit", "development"]);
    expect(html).toMatch(/name="scorecard\.criteria\.1\.label"[^>]*value="Spend"/);
    expect(html).toMatch(/name="scorecard\.criteria\.1\.weight"[^>]*value="25"/);
    expect(html).toMatch(/name="scorecard\.criteria\.2\.percentOfWeight\.watch"[^>]*value="40"/);
    expect(html).toMatch(/name="scorecard\.criteria\.3\.weight"[^>]*value="25"/);
    // The moved criterion's Move down keeps the focus, so pressing it again moves it further.
    expect(buttonTag(html, "move-down:1")).toContain("autofocus");

    html = await (await press(html, "move-up:3")).text();
    expect(idsIn(html)).toEqual(["profit", "order_amount", "development", "credit"]);
    expect(html).toMatch(/name="scorecard\.criteria\.3\.percentOfWeight\.watch"[^>]*value="40"/);
    expect(buttonTag(html, "move-up:2")).toContain("autofocus");
    expect(await activeVersion()).toBe(before);

    res = await press(html, "preview");
    expect(res.status).toBe(200);
    html = await res.text();
    expect(html).toContain("Preview of the draft");
    expect(idsIn(html)).toEqual(["profit", "order_amount", "development", "credit"]);
    expect(await activeVersion()).toBe(before);

    res = await press(html, "save");
    expect(res.status).toBe(303);
    const version = await activeVersion();
    expect(version).not.toBe(before);
    const [saved] = await db
      .select()
      .from(schema.scoringConfigs)
      .where(eq(schema.scoringConfigs.workspaceId, admin.workspaceId));
    const config = saved?.config as ScoringConfig;
    expect(saved?.version).toBe(version);
    expect(config.scorecard.template).toBe("custom");
    expect(config.scorecard.criteria.map((c) => [c.id, c.weight])).toEqual([
      ["profit", 30],
      ["order_amount", 25],
      ["development", 25],
      ["credit", 20],
    ]);
    expect(config.scorecard.criteria[1]?.label).toBe("Spend");
    expect(config.scorecard.criteria[3]).toMatchObject({ kind: "credit", percentOfWeight: { watch: 40 } });
    // The editor shows the saved order from now on.
    html = await (await page(jar, "GET", "/admin/scoring")).text();
    expect(idsIn(html)).toEqual(["profit", "order_amount", "development", "credit"]);
  });

  it("a forced Move up of the first, Move down of the last, or a stale index changes nothing and saves nothing", async () => {
    const before = await activeVersion();
    const html = await (await page(jar, "GET", "/admin/scoring")).text();
    const order = idsIn(html);
    for (const intent of ["move-up:0", `move-down:${order.length - 1}`, "move-up:9", "move-down:99"]) {
      const res = await press(html, intent, { "scorecard.criteria.0.label": "Kept" });
      expect(res.status).toBe(200);
      const after = await res.text();
      expect(idsIn(after)).toEqual(order);
      expect(after).toMatch(/name="scorecard\.criteria\.0\.label"[^>]*value="Kept"/);
    }
    expect(await activeVersion()).toBe(before);
  });

  it("a move without the session's CSRF token is refused with 403 and changes nothing", async () => {
    const before = await activeVersion();
    const html = await (await page(jar, "GET", "/admin/scoring")).text();
    const { _csrf, ...fields } = formFields(formHtml(html, SCORING_FORM));
    expect(_csrf).toBeTruthy();
    for (const form of [fields, { ...fields, _csrf: "forged" }]) {
      expect((await page(jar, "POST", "/admin/scoring", { ...form, intent: "move-down:0" })).status).toBe(403);
      expect((await page(jar, "POST", "/admin/scoring", { ...form, intent: "save" })).status).toBe(403);
    }
    expect(await activeVersion()).toBe(before);
  });
});
