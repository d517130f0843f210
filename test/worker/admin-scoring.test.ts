// Scoring editor without JavaScript: add a manual criterion with levels, save a new version, rate a customer, regrade.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScoringConfig } from "../../shared/config";
import type { CustomerGrade } from "../../shared/grade/types";
import * as schema from "../../worker/src/db/schema";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { formFields, formHtml } from "./admin-forms";
import { csrfIn, type Jar, page, sessionFor } from "./admin-helpers";
import { createTestWorkspace, db, type TestUser } from "./helpers";

const SCORING_FORM = 'action="/admin/scoring" class="scoring-form"';
let admin: TestUser;
let jar: Jar;
let rated: string;
let unrated: string;

beforeAll(async () => {
  admin = await createTestWorkspace("Scoring Editor Co.");
  ({ jar } = await sessionFor(admin));
  rated = crypto.randomUUID();
  unrated = crypto.randomUUID();
  const ws = admin.workspaceId;
  await db.insert(schema.customers).values([
    { id: rated, workspaceId: ws, name: "Close Friends Ltd" },
    { id: unrated, workspaceId: ws, name: "Strangers Inc." },
  ]);
  // The same orders for both, so only the new manual criterion can tell them apart.
  await db.insert(schema.orders).values(
    [rated, unrated].map((customerId) => ({
      workspaceId: ws,
      customerId,
      date: "2026-01-10",
      amount: 100_000,
      cost: 60_000,
    })),
  );
  await regradeWorkspace(db, ws, "2026-03-01");
});

/** Submits the scoring form as shown, with `changes` typed in and the button `intent` pressed. */
async function press(html: string, intent: string, changes: Record<string, string> = {}) {
  const fields = formFields(formHtml(html, SCORING_FORM));
  return page(jar, "POST", "/admin/scoring", { ...fields, ...changes, intent });
}

async function gradeOf(customerId: string) {
  const [row] = await db
    .select()
    .from(schema.grades)
    .where(and(eq(schema.grades.workspaceId, admin.workspaceId), eq(schema.grades.customerId, customerId)));
  return row as (typeof schema.grades.$inferSelect & { result: CustomerGrade }) | undefined;
}

describe("the scoring editor", () => {
  it("adds a manual criterion with three levels, previews it and saves a new version", async () => {
    let html = await (await page(jar, "GET", "/admin/scoring")).text();
    expect(html).toContain("Weights add up to");
    let res = await press(html, "add-criterion", {
      "new.kind": "manual",
      "new.id": "relationship",
      "new.label": "Relationship",
      "new.weight": "20",
    });
    expect(res.status).toBe(200);
    html = await res.text();
    // The new criterion is the fifth, with one empty level, and its id field has the focus.
    expect(html).toMatch(/name="scorecard\.criteria\.4\.id"[^>]*value="relationship"[^>]*autofocus/);
    expect(html).toContain('name="scorecard.criteria.4.levels.0.id"');
    expect(html).toMatch(/Weights add up to\s*<output[^>]*>120<\/output>/);
    html = await (await press(html, "add-level:4")).text();
    html = await (await press(html, "add-level:4")).text();
    expect(html).toContain('name="scorecard.criteria.4.levels.2.points"');
    const levels = {
      "scorecard.criteria.4.levels.0.id": "close",
      "scorecard.criteria.4.levels.0.points": "20",
      "scorecard.criteria.4.levels.1.id": "senior",
      "scorecard.criteria.4.levels.1.points": "12.5",
      "scorecard.criteria.4.levels.2.id": "none",
      "scorecard.criteria.4.levels.2.points": "0",
    };
    // Still 120: the preview refuses, naming the path, and keeps every typed value.
    res = await press(html, "preview", levels);
    expect(res.status).toBe(400);
    html = await res.text();
    expect(html).toContain("The weights sum to 120, not 100.");
    expect(html).toContain('<code class="path">scorecard.criteria</code>');
    expect(html).toMatch(/name="scorecard\.criteria\.4\.levels\.1\.id"[^>]*value="senior"/);
    const weights = { "scorecard.criteria.0.weight": "20", "scorecard.criteria.1.weight": "20" };
    res = await press(html, "preview", { ...levels, ...weights });
    expect(res.status).toBe(200);
    html = await res.text();
    expect(html).toContain("Preview of the draft");
    res = await press(html, "save");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("notice=scoringSaved");
    const [ws] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId));
    expect(ws?.activeConfigVersion).toBe(1);
    const [saved] = await db
      .select()
      .from(schema.scoringConfigs)
      .where(eq(schema.scoringConfigs.workspaceId, admin.workspaceId));
    const config = saved?.config as ScoringConfig;
    expect(config.scorecard.template).toBe("custom");
    expect(config.scorecard.criteria.map((c) => [c.id, c.weight])).toEqual([
      ["order_amount", 20],
      ["profit", 20],
      ["credit", 20],
      ["development", 20],
      ["relationship", 20],
    ]);
    expect(config.scorecard.criteria[4]).toEqual({
      id: "relationship",
      label: "Relationship",
      kind: "manual",
      weight: 20,
      levels: [
        { id: "close", points: 20 },
        { id: "senior", points: 12.5 },
        { id: "none", points: 0 },
      ],
    });
  });

  it("a customer rated on the customer page scores the level's points after the regrade", async () => {
    const detail = await (await page(jar, "GET", `/admin/customers/${rated}`)).text();
    const form = formHtml(detail, `action="/admin/customers/${rated}/edit"`);
    expect(form).toContain("Relationship");
    const fields = formFields(form);
    expect(fields).toHaveProperty("rating.relationship", "");
    const res = await page(jar, "POST", `/admin/customers/${rated}/edit`, {
      ...fields,
      "rating.relationship": "close",
    });
    expect(res.status).toBe(303);
    const regrade = await page(jar, "POST", "/admin/import/regrade", { _csrf: csrfIn(detail) });
    expect(regrade.status).toBe(303);
    const [a, b] = [await gradeOf(rated), await gradeOf(unrated)];
    const criterion = (g: typeof a) => g?.result.scorecard.criteria.find((c) => c.id === "relationship");
    expect(criterion(a)).toMatchObject({ value: "close", points: 20, max: 20 });
    expect(criterion(b)).toMatchObject({ value: null, points: 0 });
    expect(a?.configVersion).toBe(1);
    expect((a?.score ?? 0) - (b?.score ?? 0)).toBe(2000);
    expect(a?.incomplete).toBe(false);
    expect(b?.incomplete).toBe(true);
  });

  it("removes a criterion, adds a band to a metric criterion, and shows the new sum", async () => {
    let html = await (await page(jar, "GET", "/admin/scoring")).text();
    html = await (await press(html, "remove:4")).text();
    expect(html).not.toContain('name="scorecard.criteria.4.id"');
    expect(html).toMatch(/<output[^>]*>80<\/output>/);
    html = await (
      await press(html, "add-criterion", { "new.kind": "bands", "new.id": "orders", "new.metric": "orderCount" })
    ).text();
    expect(html).toMatch(/name="scorecard\.criteria\.4\.bands\.0\.from"/);
    html = await (await press(html, "add-band:4")).text();
    expect(html).toContain('name="scorecard.criteria.4.bands.1.from"');
    html = await (await press(html, "remove-band:4:0")).text();
    expect(html).not.toContain('name="scorecard.criteria.4.bands.1.from"');
    expect(html).toMatch(/<option value="orderCount" selected/);
    // Nothing was saved by these round trips.
    const [ws] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, admin.workspaceId));
    expect(ws?.activeConfigVersion).toBe(1);
  });

  it("pressing Enter previews (the form's first submit button), it never removes a criterion", async () => {
    const html = await (await page(jar, "GET", "/admin/scoring")).text();
    const form = formHtml(html, SCORING_FORM);
    expect(form.match(/<button\b[^>]*>/)?.[0]).toContain('value="preview"');
  });
});
