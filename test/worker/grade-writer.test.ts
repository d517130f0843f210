// GradeWriter: grades split over several statements and batches store each grade's JSON text exactly as given,
// history rows travel with their batch, a grade whose hash is unchanged is not rewritten, and every upsert stays
// inside D1's 100 bound parameters.

import { env } from "cloudflare:workers";
import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { CustomerGrade, GradeSummary } from "../../shared/grade";
import { D1_MAX_PARAMS } from "../../worker/src/db/bulk";
import * as schema from "../../worker/src/db/schema";
import { GRADE_WRITER_LIMITS, GradeWriter } from "../../worker/src/jobs/grade-writer";
import { call, createTestWorkspace, db } from "./helpers";

/** A grade with the fields the writer reads; the stored text is whatever JSON the caller passes. */
function fakeGrade(customerId: string, tier: string): CustomerGrade {
  return {
    customerId,
    tier,
    score: 12.345,
    keyAccount: false,
    negativeValue: false,
    incomplete: true,
    credit: { rating: "good", overdueAmount: 0 },
    churn: "none",
    abc: "C",
    pyramid: "ordinary",
    rfm: null,
    value: { class: "ordinary" },
    serviceLevel: { nextFollowUp: `2026-02-${tier === "A" ? "01" : "02"}` },
    // An A here has an email waiting for a reply: its deadline is stored in reply_by.
    suggestions: tier === "A" ? [{ code: "reply-due", priority: 1, due: "2026-01-02T03:00:00.000Z" }] : [],
    asOf: "2026-01-01",
  } as unknown as CustomerGrade;
}

const summary = (tier: string): GradeSummary =>
  ({
    tier,
    score: 12.35,
    keyAccount: false,
    negativeValue: false,
    credit: "good",
    churn: "none",
    abc: "C",
    pyramid: "ordinary",
    segment: null,
    valueClass: "ordinary",
  }) as unknown as GradeSummary;

it("stores each grade's JSON text byte for byte across statements and batches, with its history", async () => {
  const user = await createTestWorkspace("Writer Co.");
  const customers = Array.from({ length: 11 }, (_, i) => ({ externalId: `W${i}`, name: `Writer ${i}` }));
  await call(user, "POST", "/api/v1/import/customers", customers);
  const ids = (
    await db
      .select({ id: schema.customers.id })
      .from(schema.customers)
      .where(eq(schema.customers.workspaceId, user.workspaceId))
      .orderBy(asc(schema.customers.id))
  ).map((c) => c.id);
  expect(ids).toHaveLength(11);
  // Texts SQLite's JSON functions could have printed differently: escapes, U+2028, astral characters, -0, 1e21.
  const text = (id: string, i: number) =>
    `{"customerId":"${id}","n":${i},"s":"汉 \\u2028 \\"q\\" \\\\ 😀 \\/","x":1e21,"y":-0,"big":"${"z".repeat(i * 40)}"}`;
  const write = async (tier: string, hash: (i: number) => string, limits = { ...GRADE_WRITER_LIMITS }) => {
    const writer = new GradeWriter(db, user.workspaceId, 3, "2026-01-01T00:00:00.000Z", limits);
    for (const [i, id] of ids.entries()) {
      await writer.add(fakeGrade(id, tier), text(id, i), hash(i), i % 2 ? summary(tier) : null);
    }
    await writer.finish();
  };
  const stored = () =>
    db
      .select({ id: schema.grades.customerId, result: schema.grades.result, hash: schema.grades.hash })
      .from(schema.grades)
      .where(eq(schema.grades.workspaceId, user.workspaceId))
      .orderBy(asc(schema.grades.customerId));
  const history = () =>
    db.select().from(schema.gradeHistory).where(eq(schema.gradeHistory.workspaceId, user.workspaceId));
  const raw = async () =>
    (
      await env.DB.prepare("SELECT result FROM grades WHERE workspace_id = ? ORDER BY customer_id")
        .bind(user.workspaceId)
        .raw()
    ).map(([r]) => r);

  // 2 grades per statement, 2 statements per batch, and a byte limit that cuts some batches earlier.
  await write("B", (i) => `h${i}`, { rowsPerStatement: 2, statementsPerBatch: 2, batchBytes: 300 });
  expect(await raw()).toEqual(ids.map(text));
  expect((await stored()).map((g) => g.hash)).toEqual(ids.map((_, i) => `h${i}`));
  const first = await history();
  expect(first).toHaveLength(5);
  expect(first.every((h) => h.tier === "B" && h.configVersion === 3)).toBe(true);

  // Same hashes: no grade is rewritten, even though the tier given differs.
  await write("A", (i) => `h${i}`);
  expect(
    (await db.select().from(schema.grades).where(eq(schema.grades.workspaceId, user.workspaceId))).every(
      (g) => g.tier === "B",
    ),
  ).toBe(true);
  // One hash changed: only that grade is rewritten.
  await write("A", (i) => (i === 4 ? "changed" : `h${i}`));
  const rows = (await db.select().from(schema.grades).where(eq(schema.grades.workspaceId, user.workspaceId))).sort(
    (a, b) => (a.customerId < b.customerId ? -1 : 1),
  );
  expect(rows.map((g) => g.tier)).toEqual(ids.map((_, i) => (i === 4 ? "A" : "B")));
  // The list's follow-up column moves with its grade.
  expect(rows.map((g) => g.nextFollowUp)).toEqual(ids.map((_, i) => (i === 4 ? "2026-02-01" : "2026-02-02")));
  expect(rows.map((g) => g.replyBy)).toEqual(ids.map((_, i) => (i === 4 ? "2026-01-02T03:00:00.000Z" : null)));
});

it("binds at most D1's 100 parameters per upsert", async () => {
  const statements: unknown[] = [];
  // The real client, its batches recorded instead of run.
  const spy = Object.assign(Object.create(db), {
    batch: async (s: unknown[]) => {
      statements.push(...s);
      return [];
    },
  }) as typeof db;
  const writer = new GradeWriter(spy, "w", 1, "t");
  for (let i = 0; i < 500; i++) await writer.add(fakeGrade(`c${i}`, "A"), "{}", `h${i}`, summary("A"));
  await writer.finish();
  type Built = { params: unknown[] };
  const params = statements.map((s) => {
    const q = s as { getQuery?(): Built; toSQL(): Built };
    return (q.getQuery ? q.getQuery() : q.toSQL()).params.length;
  });
  expect(Math.max(...params)).toBeLessThanOrEqual(D1_MAX_PARAMS);
  expect(Math.max(...params)).toBe(D1_MAX_PARAMS);
});
