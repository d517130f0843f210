// The customer list's plans: sorts on customer columns resume from the cursor through an index in (key, id) order,
// so a page reads about `limit` rows at any depth instead of sorting the workspace.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { customerListQuerySchema } from "../../shared/contract";
import type { Caller } from "../../worker/src/env";
import type { Anchor } from "../../worker/src/services/customer-cursor";
import { sortOf } from "../../worker/src/services/customer-cursor";
import { pageStatement } from "../../worker/src/services/customer-list";
import { db } from "./helpers";

const caller = (role: Caller["role"]): Caller => ({
  userId: "u1",
  email: "u1@example.test",
  name: "U",
  role,
  workspaceId: "w1",
  workspaceName: "W",
  currency: "CNY",
});

async function planOf(
  role: Caller["role"],
  sort: string,
  anchor: Anchor | null,
  filters: Record<string, string> = {},
): Promise<string[]> {
  const q = customerListQuerySchema.parse({ sort, limit: 25, ...filters });
  const { sql, params } = pageStatement(db, caller(role), q, sortOf(q.sort), anchor).toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

const at = (key: string): Anchor => ({ key, id: "c-500", before: false, truncated: false });

describe("the customer list's plan", () => {
  for (const [sort, index, anchor] of [
    ["name", "customers_ws_name_idx", at("M")],
    ["-name", "customers_ws_name_idx", at("M")],
    ["name", "customers_ws_name_idx", null],
    ["updated", "customers_ws_updated_idx", at("2026-01-01")],
    ["-updated", "customers_ws_updated_idx", { ...at("2026-01-01"), before: true }],
  ] as const) {
    for (const role of ["admin", "rep"] as const) {
      it(`sort=${sort} ${anchor ? `${anchor.before ? "before" : "after"} a cursor` : "first page"} (${role}): index order, no sort step`, async () => {
        const steps = await planOf(role, sort, anchor);
        const range = anchor ? /\(workspace_id=\? AND \((name|updated_at),id\)[<>]\(\?,\?\)\)/ : /\(workspace_id=\?\)/;
        expect(steps.find((s) => s.startsWith("SEARCH customers USING INDEX"))).toMatch(
          new RegExp(`${index} ${range.source}`),
        );
        expect(steps.filter((s) => /TEMP B-TREE/.test(s))).toEqual([]);
      });
    }
  }

  it("joins each page's grades through the grades key, never scanning grades", async () => {
    for (const sort of ["score", "-tier", "credit", "-overdue"]) {
      const steps = await planOf("admin", sort, { key: 10, id: "c-500", before: false, truncated: false });
      expect(
        steps.some((s) => /^SEARCH grades USING .*\(workspace_id=\? AND customer_id=\?\)/.test(s)),
        sort,
      ).toBe(true);
      expect(
        steps.filter((s) => /^SCAN (customers|grades)\b/.test(s)),
        sort,
      ).toEqual([]);
    }
  });

  it("finds follow-ups due, most overdue first, through the grades' follow-up index, not by reading every grade", async () => {
    for (const role of ["admin", "rep"] as const) {
      const steps = await planOf(role, "followUp", null, { followUpBy: "2026-03-01" });
      expect(
        steps.some((s) => /^SEARCH grades USING .*grades_follow_up_idx/.test(s)),
        role,
      ).toBe(true);
      expect(steps.filter((s) => /^SCAN (customers|grades)\b/.test(s))).toEqual([]);
    }
  });

  it("finds emails waiting for a reply, earliest deadline first, through the grades' reply index", async () => {
    for (const role of ["admin", "rep"] as const) {
      const steps = await planOf(role, "replyBy", null, { replyDue: "true" });
      expect(
        steps.some((s) => /^SEARCH grades USING .*grades_reply_by_idx/.test(s)),
        `${role}: ${steps.join(" | ")}`,
      ).toBe(true);
      expect(steps.filter((s) => /^SCAN (customers|grades)\b/.test(s))).toEqual([]);
    }
  });
});
