// Keyset paging of GET /customers: every sort walked page by page gives each visible customer once, in order.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { insertCustomer } from "./fixtures";
import { call, createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

type Item = { id: string; name: string; tier: string | null; score: number | null; credit: string | null };
type Page = { items: Item[]; nextCursor: string | null };
type Key = string | number | null;

const CREDIT_RANK: Record<string, number> = { good: 1, fair: 2, unknown: 3, watch: 4, hold: 5 };
const SORTS = ["name", "tier", "score", "credit", "overdue", "followUp", "replyBy", "updated"] as const;

/** SQLite compares text byte by byte in UTF-8 (BINARY collation), not by UTF-16 code units as JS does. */
function compareKeys(a: Key, b: Key): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = new TextEncoder().encode(String(a));
  const y = new TextEncoder().encode(String(b));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

/** The order the list promises: ungraded (null key) last either way, then the key, then the id, both in the sort's direction. */
function expectedOrder(rows: { id: string; key: Key }[], descending: boolean): string[] {
  const sign = descending ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
      const byKey = a.key === null || b.key === null ? 0 : compareKeys(a.key, b.key);
      return sign * (byKey || compareKeys(a.id, b.id));
    })
    .map((r) => r.id);
}

async function walk(user: TestUser, query: string, limit: number, between?: (pageNo: number) => Promise<void>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pageNo = 1; pageNo < 200; pageNo++) {
    const cursorParam: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await call(user, "GET", `/api/v1/customers?limit=${limit}&${query}${cursorParam}`);
    expect(res.status).toBe(200);
    const p = (await res.json()) as Page;
    ids.push(...p.items.map((i) => i.id));
    if (p.nextCursor === null) return ids;
    expect(p.nextCursor.length).toBeLessThanOrEqual(200);
    cursor = p.nextCursor;
    await between?.(pageNo);
  }
  throw new Error("the walk did not end");
}

describe("keyset paging of GET /customers", () => {
  let admin: TestUser;
  let rep: TestUser;
  let otherRep: TestUser;
  const keys = new Map<string, Record<(typeof SORTS)[number], Key>>();
  const owners = new Map<string, string | null>();

  beforeAll(async () => {
    admin = await createTestWorkspace();
    rep = await createTestUser(admin.workspaceId, "rep");
    otherRep = await createTestUser(admin.workspaceId, "rep");
    // Ties on every key (two "Acme", three scores of 50, shared tiers, credit, overdue and updated_at) and ungraded rows.
    const specs = [
      { name: "Acme", tier: "A", score: 50, credit: "good", overdue: 0, due: "2026-03-01", owner: rep.userId },
      { name: "Acme", tier: "B", score: 50, credit: "hold", overdue: 90000, due: "2026-02-10", owner: null },
      { name: "Bolt", tier: "A", score: 91.25, credit: "fair", overdue: 0, due: "2026-03-01", owner: otherRep.userId },
      { name: "Crane", tier: "C", score: 50, credit: "watch", overdue: 120, due: "2026-04-30", owner: rep.userId },
      { name: "Delta", tier: "B", score: 12, credit: "unknown", overdue: 120, due: "2026-03-01", owner: null },
      { name: "Échelle", tier: "C", score: 77, credit: "good", overdue: 0, due: "2025-12-31", owner: otherRep.userId },
      { name: "华为", tier: "A", score: 0, credit: "hold", overdue: 5, due: "2026-02-10", owner: rep.userId },
      { name: "zeta", tier: "B", score: 99.99, credit: "good", overdue: 0, due: "2026-03-02", owner: null },
      { name: "Bolt", tier: null, score: null, credit: null, overdue: null, due: null, owner: null },
      { name: "Omega", tier: null, score: null, credit: null, overdue: null, due: null, owner: rep.userId },
      { name: "Acme", tier: null, score: null, credit: null, overdue: null, due: null, owner: otherRep.userId },
    ] as const;
    for (const [i, s] of specs.entries()) {
      // Every third graded customer has no email waiting (a null key among graded rows); the rest tie in pairs.
      const replyBy = s.tier === null || i % 3 === 0 ? null : `2026-02-1${i % 2}T08:00:00.000Z`;
      const replyStep = { code: "reply-due", priority: 1, title: { key: "suggest.reply-due" }, facts: {} } as const;
      const grade =
        s.tier === null
          ? null
          : ({
              tier: s.tier,
              score: s.score,
              credit: s.credit,
              overdueAmount: s.overdue,
              nextFollowUp: s.due,
              suggestions: replyBy ? [{ ...replyStep, due: replyBy }] : [],
            } as const);
      const id = await insertCustomer(admin.workspaceId, { name: s.name, ownerId: s.owner, grade });
      const updatedAt = `2026-0${1 + (i % 3)}-01T00:00:00.000Z`;
      await db.update(schema.customers).set({ updatedAt }).where(eq(schema.customers.id, id));
      owners.set(id, s.owner);
      keys.set(id, {
        name: s.name,
        updated: updatedAt,
        tier: s.tier,
        score: s.score,
        credit: s.credit === null ? null : (CREDIT_RANK[s.credit] ?? null),
        overdue: s.overdue,
        followUp: s.due,
        replyBy,
      });
    }
  });

  const rowsBy = (sort: (typeof SORTS)[number], visible = (_id: string) => true) =>
    [...keys].filter(([id]) => visible(id)).map(([id, k]) => ({ id, key: k[sort] }));

  for (const sort of SORTS) {
    for (const descending of [false, true]) {
      const name = `${descending ? "-" : ""}${sort}`;
      it(`walks sort=${name} one, two and five at a time: each customer once, in order, ungraded last`, async () => {
        const expected = expectedOrder(rowsBy(sort), descending);
        for (const limit of [1, 2, 5]) expect(await walk(admin, `sort=${name}`, limit)).toEqual(expected);
      });
    }
  }

  it("keeps a rep to their own and unowned customers on every page", async () => {
    const mine = (id: string) => owners.get(id) === null || owners.get(id) === rep.userId;
    expect(await walk(rep, "sort=-score", 2)).toEqual(expectedOrder(rowsBy("score", mine), true));
    expect(await walk(rep, "sort=name", 1)).toEqual(expectedOrder(rowsBy("name", mine), false));
  });

  it("does not repeat or skip other customers when a grade changes between pages", async () => {
    const before = expectedOrder(rowsBy("score"), true);
    const [top, , , , , , last] = before;
    const setScore = (id: string | undefined, score: number) =>
      db
        .update(schema.grades)
        .set({ score })
        .where(eq(schema.grades.customerId, id ?? ""));
    const original = (id: string | undefined) => Number(keys.get(id ?? "")?.score) * 100;
    try {
      const ids = await walk(admin, "sort=-score", 2, async (pageNo) => {
        // After page 1: the top customer falls to the bottom, a later one jumps to the top.
        if (pageNo === 1) await Promise.all([setScore(top, 1), setScore(last, 10000)]);
      });
      const others = before.filter((id) => id !== top && id !== last);
      expect(ids.filter((id) => others.includes(id))).toEqual(others);
      expect(ids.filter((id) => id === top)).toHaveLength(2); // seen on page 1, and again where it moved
      expect(ids).not.toContain(last); // moved onto a page already read
    } finally {
      await Promise.all([setScore(top, original(top)), setScore(last, original(last))]);
    }
  });

  it("pages names too long for a cursor, even when they share a long prefix", async () => {
    const ws = await createTestWorkspace();
    const prefix = "深圳市前海国际供应链管理有限公司".repeat(6); // 96 characters, 288 bytes
    const names = [`${prefix}乙`, `${prefix}甲`, `${prefix}甲`, `${prefix}`, "短名"];
    const ids = [];
    for (const name of names) ids.push(await insertCustomer(ws.workspaceId, { name }));
    const rows = ids.map((id, i) => ({ id, key: names[i] ?? "" }));
    expect(await walk(ws, "sort=name", 1)).toEqual(expectedOrder(rows, false));
    expect(await walk(ws, "sort=-name", 1)).toEqual(expectedOrder(rows, true));
  });

  it("answers 400 naming cursor for a malformed cursor or one made for another sort", async () => {
    const first = (await (await call(admin, "GET", "/api/v1/customers?limit=1&sort=score")).json()) as Page;
    const cursor = first.nextCursor ?? "";
    const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, "");
    const bad = [
      "garbage",
      "%FF%FE",
      `${cursor}x`,
      b64({ o: 25 }), // the former offset cursor
      b64(["score", 5000, "x"]),
      b64({ s: "score", k: "5000", i: "x" }),
      b64({ s: "score", k: 5000, i: "" }),
      b64({ s: "name", k: null, i: "x" }),
      b64({ s: "score", k: 5000, i: "x", extra: true }),
    ];
    for (const c of bad) {
      const res = await call(admin, "GET", `/api/v1/customers?sort=score&cursor=${encodeURIComponent(c)}`);
      expect(res.status, c).toBe(400);
      const body = (await res.json()) as { error: { details: { field: string }[] } };
      expect(body.error.details.map((d) => d.field)).toEqual(["cursor"]);
    }
    const other = await call(admin, "GET", `/api/v1/customers?sort=-score&cursor=${encodeURIComponent(cursor)}`);
    expect(other.status).toBe(400);
  });

  it("shows nothing of another workspace through a cursor made there", async () => {
    const first = (await (await call(admin, "GET", "/api/v1/customers?limit=1&sort=name")).json()) as Page;
    const stranger = await createTestWorkspace();
    await insertCustomer(stranger.workspaceId, { name: "Zulu" });
    const res = await call(stranger, "GET", `/api/v1/customers?sort=name&cursor=${first.nextCursor}`);
    expect(((await res.json()) as Page).items.map((i) => i.name)).toEqual(["Zulu"]);
  });
});
