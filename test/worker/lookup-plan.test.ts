// The lookup's one statement must stay index-only: every table it reads is searched through an index, never
// scanned (a scan of contacts or customer_domains grows with the workspace and is the slow path it once took).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LOOKUP_SQL } from "../../worker/src/services/lookup";

describe("the lookup statement's plan", () => {
  it("searches every table through an index, the token's first", async () => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${LOOKUP_SQL}`)
      .bind("hash", JSON.stringify(["a@b.test"]), JSON.stringify([["a@b.test", "b.test"]]))
      .all<{ detail: string }>();
    const steps = results.map((r) => r.detail);
    // Only the one-row token CTE and the json_each lists (virtual tables) may be scanned.
    expect(steps.filter((s) => /^SCAN /.test(s) && !/^SCAN tok$/.test(s) && !/VIRTUAL TABLE/.test(s))).toEqual([]);
    expect(steps.filter((s) => /AUTOMATIC/.test(s))).toEqual([]);
    for (const index of [
      "api_tokens_hash_uq",
      "contacts_email_uq (workspace_id=? AND email=?)",
      "sqlite_autoindex_customer_domains_1 (workspace_id=? AND domain=?)",
    ]) {
      expect(
        steps.some((s) => s.includes(index)),
        index,
      ).toBe(true);
    }
    // Contacts are searched twice: for the contact matches, and to skip the domains of addresses that are contacts.
    expect(steps.filter((s) => s.includes("USING INDEX contacts_email_uq (workspace_id=? AND email=?)"))).toHaveLength(
      2,
    );
    expect(steps.filter((s) => /^SEARCH (c|g) USING INDEX sqlite_autoindex_(customers|grades)_1/.test(s))).toHaveLength(
      4,
    );
  });
});
