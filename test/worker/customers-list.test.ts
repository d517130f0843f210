import { beforeAll, describe, expect, it } from "vitest";
import { insertCustomer, suggestion } from "./fixtures";
import { call, createTestUser, createTestWorkspace, type TestUser } from "./helpers";

type Item = {
  id: string;
  name: string;
  tier: string | null;
  score: number | null;
  overdueAmount: number | null;
  ownerName: string | null;
  nextFollowUp: string | null;
  replyBy: string | null;
};
type Page = { items: Item[]; nextCursor: string | null };
type ErrorBody = { error: { details: { field: string }[] } };
const page = async (user: TestUser, query = "") =>
  (await (await call(user, "GET", `/api/v1/customers${query}`)).json()) as Page;
const names = (p: Page) => p.items.map((i) => i.name);
const fieldsOf = async (res: Response) => ((await res.json()) as ErrorBody).error.details.map((d) => d.field);

describe("GET /customers", () => {
  let admin: TestUser;
  let rep: TestUser;
  let otherRep: TestUser;
  beforeAll(async () => {
    admin = await createTestWorkspace();
    rep = await createTestUser(admin.workspaceId, "rep");
    otherRep = await createTestUser(admin.workspaceId, "rep");
    await insertCustomer(admin.workspaceId, {
      name: "Alpha",
      ownerId: rep.userId,
      emails: ["ana@alpha.test"],
      grade: { tier: "A", score: 80, keyAccount: true, overdueAmount: 12345, nextFollowUp: "2026-03-05" },
    });
    await insertCustomer(admin.workspaceId, {
      name: "Bravo",
      domains: ["bravo.test"],
      grade: {
        ...{ tier: "B", score: 61, credit: "hold", churn: "high", nextFollowUp: "2026-02-20" },
        suggestions: [{ ...suggestion("reply-due", 1), due: "2026-02-21T03:00:00.000Z" }],
      },
    });
    await insertCustomer(admin.workspaceId, {
      name: "Charlie",
      ownerId: otherRep.userId,
      grade: {
        ...{ tier: "C", score: 20, segment: "important_value", valueClass: "negative", nextFollowUp: "2026-03-01" },
        suggestions: [{ ...suggestion("reply-due", 1), due: "2026-02-20T09:00:00.000Z" }],
      },
    });
    await insertCustomer(admin.workspaceId, { name: "Delta 100%", grade: null });
  });

  it("lists every customer with its grade summary; ungraded ones have nulls", async () => {
    const all = await page(admin);
    expect(names(all)).toEqual(["Alpha", "Bravo", "Charlie", "Delta 100%"]);
    expect(all.items[0]).toMatchObject({
      tier: "A",
      score: 80,
      keyAccount: true,
      overdueAmount: 123.45,
      credit: "good",
      nextFollowUp: "2026-03-05",
    });
    expect(all.items[0]?.ownerName).toContain("rep");
    expect(all.items[3]).toMatchObject({ tier: null, score: null, credit: null, churn: null, nextFollowUp: null });
    expect(all.nextCursor).toBeNull();
  });

  it("filters by tier, credit, churn, key account, segment, value and owner", async () => {
    expect(names(await page(admin, "?tier=A,C"))).toEqual(["Alpha", "Charlie"]);
    expect(names(await page(admin, "?credit=hold"))).toEqual(["Bravo"]);
    expect(names(await page(admin, "?churn=high"))).toEqual(["Bravo"]);
    expect(names(await page(admin, "?keyAccount=true"))).toEqual(["Alpha"]);
    expect(names(await page(admin, "?keyAccount=false"))).toEqual(["Bravo", "Charlie"]);
    expect(names(await page(admin, "?segment=important_value"))).toEqual(["Charlie"]);
    expect(names(await page(admin, "?value=negative"))).toEqual(["Charlie"]);
    expect(names(await page(admin, "?owner=none"))).toEqual(["Bravo", "Delta 100%"]);
    expect(names(await page(admin, `?owner=${otherRep.userId}`))).toEqual(["Charlie"]);
    expect(names(await page(rep, "?owner=me"))).toEqual(["Alpha"]);
  });

  it("finds follow-ups due by a day (on it or before), most overdue first; ungraded customers are never due", async () => {
    expect(names(await page(admin, "?followUpBy=2026-03-01&sort=followUp"))).toEqual(["Bravo", "Charlie"]);
    expect(names(await page(admin, "?followUpBy=2026-02-28"))).toEqual(["Bravo"]);
    expect(names(await page(admin, "?followUpBy=2026-01-01"))).toEqual([]);
    expect(names(await page(rep, "?followUpBy=2026-12-31&sort=followUp"))).toEqual(["Bravo", "Alpha"]);
    expect(names(await page(admin, "?sort=-followUp"))).toEqual(["Alpha", "Charlie", "Bravo", "Delta 100%"]);
    expect(await fieldsOf(await call(admin, "GET", "/api/v1/customers?followUpBy=tomorrow"))).toEqual(["followUpBy"]);
  });

  it("finds emails waiting for a reply, earliest deadline first, with the deadline; and the customers with none", async () => {
    const waiting = await page(admin, "?replyDue=true&sort=replyBy");
    expect(waiting.items.map((i) => [i.name, i.replyBy])).toEqual([
      ["Charlie", "2026-02-20T09:00:00.000Z"],
      ["Bravo", "2026-02-21T03:00:00.000Z"],
    ]);
    expect(names(await page(admin, "?replyDue=false"))).toEqual(["Alpha"]);
    expect(names(await page(rep, "?replyDue=true&sort=-replyBy"))).toEqual(["Bravo"]); // not the other rep's Charlie
    expect(await fieldsOf(await call(admin, "GET", "/api/v1/customers?replyDue=soon"))).toEqual(["replyDue"]);
  });

  it("searches name, contact email and domain, with LIKE wildcards taken literally", async () => {
    expect(names(await page(admin, "?q=alp"))).toEqual(["Alpha"]);
    expect(names(await page(admin, "?q=ANA%40ALPHA"))).toEqual(["Alpha"]);
    expect(names(await page(admin, "?q=bravo.test"))).toEqual(["Bravo"]);
    expect(names(await page(admin, "?q=100%25"))).toEqual(["Delta 100%"]);
    expect(names(await page(admin, "?q=_"))).toEqual([]);
  });

  it("sorts by score, tier and overdue both ways, ungraded last", async () => {
    expect(names(await page(admin, "?sort=-score"))).toEqual(["Alpha", "Bravo", "Charlie", "Delta 100%"]);
    expect(names(await page(admin, "?sort=score"))).toEqual(["Charlie", "Bravo", "Alpha", "Delta 100%"]);
    expect(names(await page(admin, "?sort=-tier"))).toEqual(["Charlie", "Bravo", "Alpha", "Delta 100%"]);
    expect(names(await page(admin, "?sort=-overdue")).slice(0, 1)).toEqual(["Alpha"]);
    expect(names(await page(admin, "?sort=-name"))).toEqual(["Delta 100%", "Charlie", "Bravo", "Alpha"]);
  });

  it("pages with an opaque cursor, every customer once", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const p: Page = await page(admin, `?limit=1&sort=-score${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      seen.push(...names(p));
      cursor = p.nextCursor;
    }
    expect(seen).toEqual(["Alpha", "Bravo", "Charlie", "Delta 100%"]);
  });

  it("names each invalid parameter", async () => {
    expect(await fieldsOf(await call(admin, "GET", "/api/v1/customers?limit=0"))).toEqual(["limit"]);
    expect(await fieldsOf(await call(admin, "GET", "/api/v1/customers?limit=201"))).toEqual(["limit"]);
    expect(await fieldsOf(await call(admin, "GET", "/api/v1/customers?sort=colour"))).toEqual(["sort"]);
    expect(await fieldsOf(await call(admin, "GET", "/api/v1/customers?keyAccount=maybe"))).toEqual(["keyAccount"]);
    expect(await fieldsOf(await call(admin, "GET", "/api/v1/customers?cursor=garbage"))).toEqual(["cursor"]);
  });

  it("shows a rep only their own and unowned customers", async () => {
    expect(names(await page(rep))).toEqual(["Alpha", "Bravo", "Delta 100%"]);
    expect(names(await page(rep, `?owner=${otherRep.userId}`))).toEqual([]);
  });

  it("shows nothing of another workspace", async () => {
    const stranger = await createTestWorkspace();
    expect((await page(stranger)).items).toEqual([]);
  });

  it("needs a token", async () => {
    expect((await call(null, "GET", "/api/v1/customers")).status).toBe(401);
  });
});
