// Writes changed grades and their history rows as JSON chunks (one upsert and one insert per ≈ 1 MB / 2,000
// grades), each chunk one batch with the data_version bump; one batch in flight while the next chunk is built.
import type { CustomerGrade, GradeSummary } from "../../../shared/grade";
import { runBatch, type Statement } from "../db/batch";
import { JsonBuffer, jsonInsert, jsonLayout, jsonUpsert } from "../db/json-rows";
import { gradeHistory, grades } from "../db/schema";
import type { Db } from "../env";
import { bumpDataVersion } from "../services/data-version";
import { scoreX100 } from "./grade-rows";

const UPDATED = [
  "tier",
  "score",
  "keyAccount",
  "negativeValue",
  "incomplete",
  "credit",
  "overdueAmount",
  "churn",
  "abc",
  "pyramid",
  "rfmSegment",
  "valueClass",
  "result",
  "hash",
  "configVersion",
  "asOf",
  "gradedAt",
] as const;
/** `result` comes last: each row's JSON ends with the grade's own JSON text, already made for its hash. */
const GRADE = jsonLayout(grades, ["customerId", ...UPDATED.filter((k) => k !== "result"), "result"]);
const HISTORY = jsonLayout(
  gradeHistory,
  ["customerId", "asOf", "tier", "score", "keyAccount", "credit", "churn", "summary", "configVersion"],
  ["summary"],
);

export class GradeWriter {
  private grades = new JsonBuffer();
  private history = new JsonBuffer();
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
    private readonly configVersion: number,
    private readonly gradedAt: string,
  ) {}

  /** Queues `grade` (its JSON text `json`, content hash `hash`) and, when the summary changed, a history row. */
  async add(grade: CustomerGrade, json: string, hash: string, history: GradeSummary | null): Promise<void> {
    const encoded = JSON.stringify(
      GRADE.encode({
        customerId: grade.customerId,
        tier: grade.tier,
        score: scoreX100(grade.score),
        keyAccount: grade.keyAccount,
        negativeValue: grade.negativeValue,
        incomplete: grade.incomplete,
        credit: grade.credit.rating,
        overdueAmount: grade.credit.overdueAmount,
        churn: grade.churn,
        abc: grade.abc,
        pyramid: grade.pyramid,
        rfmSegment: grade.rfm?.segment ?? null,
        valueClass: grade.value.class,
        hash,
        configVersion: this.configVersion,
        asOf: grade.asOf,
        gradedAt: this.gradedAt,
      }),
    );
    // The encoded row ends with `null]` for the absent result: the grade's JSON takes its place.
    const full = this.grades.push(`${encoded.slice(0, -5)}${json}]`);
    if (full !== null) await this.write(full, this.history.size ? this.history.take() : null);
    if (history) this.history.push(JSON.stringify(HISTORY.encode(this.historyRow(grade, history))));
  }

  /** Writes what is queued and waits for every write; throws the first failure. */
  async finish(): Promise<void> {
    if (this.grades.size) await this.write(this.grades.take(), this.history.size ? this.history.take() : null);
    await this.inFlight;
    if (this.failure) throw this.failure;
  }

  private historyRow(grade: CustomerGrade, summary: GradeSummary) {
    return {
      customerId: grade.customerId,
      asOf: grade.asOf,
      tier: summary.tier,
      score: scoreX100(summary.score),
      keyAccount: summary.keyAccount,
      credit: summary.credit,
      churn: summary.churn,
      summary,
      configVersion: this.configVersion,
    };
  }

  /** Waits for the batch in flight, then starts this one (grades, history, bump: one transaction). */
  private async write(gradesJson: string, historyJson: string | null) {
    await this.inFlight;
    if (this.failure) throw this.failure;
    const fixed = { workspaceId: this.workspaceId };
    const statements: Statement[] = [
      jsonUpsert(this.db, GRADE, fixed, gradesJson, ["workspaceId", "customerId"], [...UPDATED], ["hash"]),
      ...(historyJson ? [jsonInsert(this.db, HISTORY, fixed, historyJson)] : []),
      bumpDataVersion(this.db, this.workspaceId),
    ];
    this.inFlight = runBatch(this.db, statements).then(
      () => undefined,
      (error: unknown) => {
        this.failure = error;
      },
    );
  }
}
