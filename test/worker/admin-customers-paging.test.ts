// The admin customer list's pager: Next and Previous follow keyset cursors, keep the filters and sort, and a stale
// or edited cursor shows the first page rather than an error.
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { page, sessionFor } from "./admin-helpers";
import { createTestUser, createTestWorkspace, db, type TestUser } from "./helpers";

const PAGE_SIZE = 25;
let admin: TestUser;
let rep: TestUser;
const names: string[] = [];

/** The customer names in the table, the page label and the pager's links. */
async function view(user: TestUser, path: string) {
  const { jar } = await sessionFor(user);
  const res = await page(jar, "GET", path);
  expect(res.status).toBe(200);
  const html = await res.text();
  const link = (rel: string) =>
    new RegExp(`<a href="([^"]*)" rel="${rel}"`).exec(html)?.[1]?.replace(/&amp;/g, "&") ?? null;
  return {
    names: [...html.matchAll(/<a href="\/admin\/customers\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]),
    label: /Page (\d+)/.exec(html)?.[1],
    next: link("next"),
    prev: link("prev"),
  };
}

beforeAll(async () => {
  admin = await createTestWorkspace("Paging Co.");
  rep = await createTestUser(admin.workspaceId, "rep");
  for (let i = 0; i < 60; i++) names.push(`Customer ${String(i).padStart(2, "0")}`);
  const rows = names.map((name, i) => ({
    id: crypto.randomUUID(),
    workspaceId: admin.workspaceId,
    name,
    // A third each: the rep's, the admin's (hidden from the rep) and unowned.
    ownerId: i % 3 === 0 ? rep.userId : i % 3 === 1 ? admin.userId : null,
  }));
  // D1 binds at most 100 variables per statement.
  for (let i = 0; i < rows.length; i += 10) await db.insert(schema.customers).values(rows.slice(i, i + 10));
});

describe("the admin customer list's pager", () => {
  it("walks forward with Next and back with Previous, page numbers counting along", async () => {
    const p1 = await view(admin, "/admin/customers");
    expect(p1).toMatchObject({ names: names.slice(0, PAGE_SIZE), label: "1", prev: null });
    expect(p1.next).toMatch(/cursor=.*page=2/);
    const p2 = await view(admin, p1.next ?? "");
    expect(p2).toMatchObject({ names: names.slice(PAGE_SIZE, 2 * PAGE_SIZE), label: "2", prev: "/admin/customers" });
    const p3 = await view(admin, p2.next ?? "");
    expect(p3).toMatchObject({ names: names.slice(2 * PAGE_SIZE), label: "3", next: null });
    const back = await view(admin, p3.prev ?? "");
    expect(back).toMatchObject({ names: p2.names, label: "2" });
    expect((await view(admin, back.prev ?? "")).names).toEqual(p1.names);
  });

  it("keeps the sort and filters across pages", async () => {
    const p1 = await view(admin, "/admin/customers?sort=-name&q=Customer");
    expect(p1.names).toEqual([...names].reverse().slice(0, PAGE_SIZE));
    expect(p1.next).toContain("sort=-name");
    expect(p1.next).toContain("q=Customer");
    const p2 = await view(admin, p1.next ?? "");
    expect(p2.names).toEqual([...names].reverse().slice(PAGE_SIZE, 2 * PAGE_SIZE));
  });

  it("shows the first page for a cursor from another sort or an edited one", async () => {
    const p1 = await view(admin, "/admin/customers");
    const foreign = (p1.next ?? "").replace("/admin/customers?", "/admin/customers?sort=-score&");
    expect(await view(admin, foreign)).toMatchObject({ label: "1", prev: null });
    expect(await view(admin, "/admin/customers?cursor=garbage&page=7")).toMatchObject({
      names: names.slice(0, PAGE_SIZE),
      label: "1",
    });
    expect((await view(admin, `/admin/customers?cursor=${"x".repeat(500)}&page=2`)).label).toBe("1");
    expect((await view(admin, "/admin/customers?page=9")).label).toBe("1");
  });

  it("pages a rep through their own and unowned customers only", async () => {
    const visible = names.filter((_, i) => i % 3 !== 1);
    const p1 = await view(rep, "/admin/customers");
    const p2 = await view(rep, p1.next ?? "");
    expect([...p1.names, ...p2.names]).toEqual(visible);
    expect(p2.next).toBeNull();
  });
});
