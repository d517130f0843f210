// The grading's output: each customer's current grade (with the columns lists filter and sort on), the grade history
// kept on every change, and the workspace report of the latest regrade. Re-exported by schema.ts.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, workspaceId } from "./columns";
import { customers, workspaces } from "./schema";

/** The current grade of each customer, with the columns the lists filter on. */
export const grades = sqliteTable(
  "grades",
  {
    workspaceId: workspaceId(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    tier: text("tier").notNull(),
    score: integer("score_x100").notNull(),
    keyAccount: integer("key_account", { mode: "boolean" }).notNull(),
    negativeValue: integer("negative_value", { mode: "boolean" }).notNull(),
    incomplete: integer("incomplete", { mode: "boolean" }).notNull(),
    credit: text("credit").notNull(),
    overdueAmount: integer("overdue_amount").notNull().default(0),
    churn: text("churn").notNull(),
    abc: text("abc").notNull(),
    pyramid: text("pyramid").notNull(),
    rfmSegment: text("rfm_segment"),
    valueClass: text("value_class").notNull(),
    nextFollowUp: text("next_follow_up"), // serviceLevel.nextFollowUp: the list's follow-up filter and sort
    replyBy: text("reply_by"), // the reply-due step's deadline (ISO timestamp), null when no email waits: Today
    /** The full, structured grade (every model, explanation, suggestions). */
    result: text("result", { mode: "json" }).$type<unknown>().notNull(),
    /** Hash of the grade's meaningful content, to append history only on change. */
    hash: text("hash").notNull(),
    configVersion: integer("config_version").notNull(),
    asOf: text("as_of").notNull(),
    gradedAt: text("graded_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId] }),
    index("grades_tier_idx").on(t.workspaceId, t.tier),
    index("grades_credit_idx").on(t.workspaceId, t.credit),
    index("grades_churn_idx").on(t.workspaceId, t.churn),
    index("grades_follow_up_idx").on(t.workspaceId, t.nextFollowUp, t.customerId),
    index("grades_reply_by_idx").on(t.workspaceId, t.replyBy, t.customerId),
    // Covers what a regrade compares (hash and summary columns): the big `result` JSON sits before `hash` in the
    // row, so reading hashes from the table would walk every result's overflow pages.
    index("grades_compare_idx").on(
      t.workspaceId,
      t.customerId,
      t.hash,
      t.tier,
      t.score,
      t.keyAccount,
      t.negativeValue,
      t.credit,
      t.churn,
      t.abc,
      t.pyramid,
      t.rfmSegment,
      t.valueClass,
    ),
  ],
);

/** The workspace-level results of the latest regrade (funnel, Pareto, pyramid, tiers, dashboard panels). */
export const workspaceReports = sqliteTable("workspace_reports", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  asOf: text("as_of").notNull(),
  configVersion: integer("config_version").notNull(),
  report: text("report", { mode: "json" }).$type<unknown>().notNull(),
  createdAt: createdAt(),
});

export const gradeHistory = sqliteTable(
  "grade_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceId(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    asOf: text("as_of").notNull(),
    tier: text("tier").notNull(),
    score: integer("score_x100").notNull(),
    keyAccount: integer("key_account", { mode: "boolean" }).notNull(),
    credit: text("credit").notNull(),
    churn: text("churn").notNull(),
    summary: text("summary", { mode: "json" }).$type<unknown>().notNull(),
    configVersion: integer("config_version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("grade_history_customer_idx").on(t.workspaceId, t.customerId, t.asOf)],
);
