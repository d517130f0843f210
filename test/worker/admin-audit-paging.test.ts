// The audit page pages by keyset: Next and Previous walk every entry once, newest first (entries written in the same
// millisecond ordered by id), entries written while an admin pages neither shift nor repeat a page, the filters ride
// along, and an anchor that is malformed or belongs to another workspace shows this workspace's first page.
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { type Jar, page, sessionFor } from "./admin-helpers";
import { createTestWorkspace, db, type TestUser } from "./helpers";

let admin: TestUser;
let jar: Jar;
let foreignId: number;

const BASE = Date.parse("2026-03-01T08:00:00.000Z");

/** Entries E{first}… of `ws`, three sharing each timestamp (ties broken by id); even `user.create`, odd `customer.update`. */
async function writeEntries(ws: TestUser, first: number, count: number, startMs = BASE) {
  const rows = Array.from({ length: count }, (_, k) => {
    const n = first + k;
    return {
      workspaceId: ws.workspaceId,
      userId: ws.userId,
      action: n % 2 === 0 ? "user.create" : "customer.update",
      targetType: "note",
      targetId: `E${String(n).padStart(3, "0")}`,
      details: null,
      createdAt: new Date(startMs + Math.floor(n / 3) * 1000).toISOString(),
    };
  });
  const chunks = [];
  for (let at = 0; at < rows.length; at += 10) chunks.push(db.insert(schema.auditLog).values(rows.slice(at, at + 10)));
  const [head, ...tail] = chunks;
  if (head) await db.batch([head, ...tail]);
}

interface Shown {
  entries: string[];
  label: string;
  next: string | null;
  prev: string | null;
}

async function show(path: string): Promise<Shown> {
  const res = await page(jar, "GET", path);
  expect(res.status).toBe(200);
  const html = await res.text();
  const link = (rel: string) => {
    const m = new RegExp(`<a href="([^"]*)" rel="${rel}"`).exec(html);
    return m?.[1] ? m[1].replace(/&amp;/g, "&") : null;
  };
  const pager = html.slice(html.indexOf('<nav class="pager"'));
  return {
    entries: [...html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>")).matchAll(/\bE\d{3}\b/g)].map(
      (m) => m[0],
    ),
    label: /<span class="muted">([^<]*)<\/span>/.exec(pager)?.[1] ?? "",
    next: link("next"),
    prev: link("prev"),
  };
}

const names = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, k) => `E${String(from - k).padStart(3, "0")}`);

beforeAll(async () => {
  admin = await createTestWorkspace("Audit Paging Co.");
  ({ jar } = await sessionFor(admin));
  jar.cookies.set("tl_lang", "en");
  await writeEntries(admin, 1, 120);
  const other = await createTestWorkspace("Other Audit Co.");
  await writeEntries(other, 900, 1);
  const [row] = await db
    .select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.workspaceId, other.workspaceId))
    .orderBy(desc(schema.auditLog.id))
    .limit(1);
  foreignId = row?.id ?? 0;
  expect(foreignId).toBeGreaterThan(0); // else the foreign-anchor case would test nothing
});

describe("audit log paging", () => {
  it("walks every entry once, newest first, and back again", async () => {
    const first = await show("/admin/audit?action=customer.update");
    expect(first.label).toBe("Page 1");
    expect(first.prev).toBeNull();
    expect(first.entries).toEqual(names(119, 21).filter((_, k) => k % 2 === 0));
    expect(first.next).toMatch(/^\/admin\/audit\?action=customer.update&before=\d+&page=2$/);

    const second = await show(first.next as string);
    expect(second.label).toBe("Page 2");
    expect(second.entries).toEqual(names(19, 1).filter((_, k) => k % 2 === 0));
    expect(second.next).toBeNull();
    expect(second.prev).toBe("/admin/audit?action=customer.update");
  });

  it("keeps its pages when entries are written while the admin pages", async () => {
    const all = await show("/admin/audit?action=user.create");
    expect(all.entries).toEqual(names(120, 22).filter((_, k) => k % 2 === 0));
    const next = all.next as string;
    await writeEntries(admin, 200, 6, BASE + 86_400_000); // newer than every fixture entry
    const second = await show(next);
    expect(second.entries).toEqual(names(20, 2).filter((_, k) => k % 2 === 0)); // not shifted by the new entries
    const again = await show("/admin/audit?action=user.create");
    expect(again.entries.slice(0, 3)).toEqual(["E204", "E202", "E200"]);
  });

  it("steps back from page 3 to page 2 exactly, entries of one millisecond ordered by id", async () => {
    const p1 = await show("/admin/audit?from=2026-03-01&to=2026-03-01");
    expect(p1.entries).toEqual(names(120, 71));
    const p2 = await show(p1.next as string);
    expect(p2.entries).toEqual(names(70, 21));
    const p3 = await show(p2.next as string);
    expect(p3.label).toBe("Page 3");
    expect(p3.entries).toEqual(names(20, 1));
    expect(p3.next).toBeNull();
    expect(p3.prev).toMatch(/^\/admin\/audit\?from=2026-03-01&to=2026-03-01&after=\d+&page=2$/);
    const back = await show(p3.prev as string);
    expect(back).toEqual(p2);
  });

  it("shows the first page for an anchor that is malformed or from another workspace", async () => {
    const first = await show("/admin/audit?from=2026-03-01&to=2026-03-01");
    for (const anchor of [`before=${foreignId}`, `after=${foreignId}`, "before=abc", "before=0", "after=-3"]) {
      const shown = await show(`/admin/audit?from=2026-03-01&to=2026-03-01&${anchor}&page=7`);
      expect(shown, anchor).toEqual(first);
      expect(shown.entries).not.toContain("E900");
    }
    const huge = await show("/admin/audit?from=2026-03-01&to=2026-03-01&before=99999999999999999999");
    expect(huge).toEqual(first);
  });
});
