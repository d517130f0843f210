// Builds graded customers straight in D1 (customers, contacts, domains, grades) without running the regrade job; the
// grade's list columns are filled as the regrade's writer fills them. And one customer graded by the real regrade.
import type { CustomerGrade, Suggestion } from "../../shared/grade/types";
import { runBatch, type Statement } from "../../worker/src/db/batch";
import * as schema from "../../worker/src/db/schema";
import { replyByOf } from "../../worker/src/jobs/grade-rows";
import { regradeWorkspace } from "../../worker/src/jobs/regrade";
import { createTestWorkspace, db } from "./helpers";

/**
 * A new workspace with one customer graded by the regrade as of `asOf` (2026-03-01 or so): an order on 2026-02-01,
 * a call on 2025-12-01 (the follow-up is overdue) and an incoming email on 2026-01-20 (a reply is due).
 */
export async function awaitingReply(workspaceName: string, customerName: string, asOf: string) {
  const admin = await createTestWorkspace(workspaceName);
  const ws = admin.workspaceId;
  const customerId = crypto.randomUUID();
  await db.insert(schema.customers).values({ id: customerId, workspaceId: ws, name: customerName });
  await db
    .insert(schema.orders)
    .values({ workspaceId: ws, customerId, date: "2026-02-01", amount: 500_000, cost: 300_000, product: "Widget" });
  const touch = { workspaceId: ws, customerId };
  await db.insert(schema.interactions).values([
    { ...touch, id: crypto.randomUUID(), kind: "call", occurredAt: "2025-12-01T02:00:00.000Z", summary: "old call" },
    {
      ...touch,
      id: crypto.randomUUID(),
      kind: "email",
      direction: "in",
      occurredAt: "2026-01-20T01:00:00.000Z",
      summary: "question",
    },
  ]);
  await regradeWorkspace(db, ws, asOf);
  return { admin, customerId };
}

export interface GradeFixture {
  tier: "A" | "B" | "C";
  /** 0–100. */
  score: number;
  keyAccount: boolean;
  negativeValue: boolean;
  credit: CustomerGrade["credit"]["rating"];
  /** Minor units, as the engine stores it. */
  overdueAmount: number;
  churn: CustomerGrade["churn"];
  segment: NonNullable<CustomerGrade["rfm"]>["segment"];
  valueClass: CustomerGrade["value"]["class"];
  suggestions: Suggestion[];
  /** YYYY-MM-DD. */
  nextFollowUp: string;
}

export interface CustomerFixture {
  name?: string;
  ownerId?: string | null;
  emails?: string[];
  domains?: string[];
  /** Omit for a default B grade; null for a customer not graded yet. */
  grade?: Partial<GradeFixture> | null;
  creditLimit?: number | null;
}

export const suggestion = (code: Suggestion["code"], priority: Suggestion["priority"]): Suggestion => ({
  code,
  priority,
  title: { key: `suggest.${code}` },
  facts: {},
});

/** A grade result shaped like the engine's CustomerGrade, with the fields the API reads. */
export function gradeResult(customerId: string, g: GradeFixture): CustomerGrade {
  return {
    customerId,
    tier: g.tier,
    score: g.score,
    keyAccount: g.keyAccount,
    negativeValue: g.negativeValue,
    incomplete: false,
    credit: {
      rating: g.credit,
      overLimit: false,
      overdueAmount: g.overdueAmount,
      oldestOverdueDays: 0,
      onTimeShare: 1,
      maxDaysLate: 0,
      outstanding: 0,
    },
    churn: g.churn,
    rfm: { r: 3, f: 3, m: 3, segment: g.segment },
    value: { class: g.valueClass, actualValue: 0, strategicValue: 0 },
    serviceLevel: { cadenceDays: 15, replyHours: 24, nextFollowUp: g.nextFollowUp, accountManager: false },
    suggestions: g.suggestions,
    asOf: "2026-01-01",
    configVersion: 1,
  } as unknown as CustomerGrade;
}

let seq = 0;

/** Inserts a customer with contacts, domains and (unless grade is null) a current grade; returns its id. */
export async function insertCustomer(workspaceId: string, f: CustomerFixture = {}): Promise<string> {
  const id = crypto.randomUUID();
  const statements: Statement[] = [
    db.insert(schema.customers).values({
      id,
      workspaceId,
      name: f.name ?? `Customer ${++seq}`,
      ownerId: f.ownerId ?? null,
      creditLimit: f.creditLimit ?? null,
    }),
    ...(f.emails ?? []).map((email, i) =>
      db
        .insert(schema.contacts)
        .values({ id: crypto.randomUUID(), workspaceId, customerId: id, name: `Contact ${i}`, email }),
    ),
    ...(f.domains ?? []).map((domain) =>
      db.insert(schema.customerDomains).values({ workspaceId, customerId: id, domain }),
    ),
  ];
  if (f.grade !== null) {
    const g: GradeFixture = {
      tier: "B",
      score: 65.5,
      keyAccount: false,
      negativeValue: false,
      credit: "good",
      overdueAmount: 0,
      churn: "none",
      segment: "general_value",
      valueClass: "ordinary",
      suggestions: [],
      nextFollowUp: "2026-01-15",
      ...f.grade,
    };
    statements.push(
      db.insert(schema.grades).values({
        workspaceId,
        customerId: id,
        tier: g.tier,
        score: Math.round(g.score * 100),
        keyAccount: g.keyAccount,
        negativeValue: g.negativeValue,
        incomplete: false,
        credit: g.credit,
        overdueAmount: g.overdueAmount,
        churn: g.churn,
        abc: "B",
        pyramid: "ordinary",
        rfmSegment: g.segment,
        valueClass: g.valueClass,
        nextFollowUp: g.nextFollowUp,
        replyBy: replyByOf(g),
        result: gradeResult(id, g),
        hash: "fixture",
        configVersion: 1,
        asOf: "2026-01-01",
        gradedAt: new Date().toISOString(),
      }),
    );
  }
  await runBatch(db, statements);
  return id;
}
