// POST /lookup through the real worker: order, precedence, the free-mail rule, rep restriction, ETag/304, validation.
import { describe, expect, it } from "vitest";
import { insertCustomer, suggestion } from "./fixtures";
import { call, createTestUser, createTestWorkspace, type TestUser } from "./helpers";

type Result = {
  email: string;
  match: string | null;
  customer: ({ id: string; name: string; suggestions: unknown[] } & Record<string, unknown>) | null;
};
const lookup = (user: TestUser, emails: unknown, headers: Record<string, string> = {}) =>
  call(user, "POST", "/api/v1/lookup", { emails }, headers);
const results = async (res: Response) => ((await res.json()) as { results: Result[] }).results;

describe("POST /lookup", () => {
  it("answers in the order asked; an exact contact beats its domain; invalid addresses match nothing", async () => {
    const admin = await createTestWorkspace();
    const sugg = [1, 2, 3, 4].map((p) => suggestion("follow-up-due", p as 1));
    const acme = await insertCustomer(admin.workspaceId, {
      name: "Acme",
      domains: ["acme.test"],
      grade: { tier: "A", keyAccount: true, credit: "watch", overdueAmount: 150050, churn: "high", suggestions: sugg },
    });
    const reseller = await insertCustomer(admin.workspaceId, {
      name: "Reseller",
      emails: ["buyer@acme.test"],
      grade: null,
    });
    const out = await results(
      await lookup(admin, [
        "Someone@ACME.test",
        "buyer@acme.test",
        "not-an-address",
        "x@nowhere.test",
        "buyer@acme.test",
      ]),
    );
    expect(out.map((r) => [r.email, r.match, r.customer?.name ?? null])).toEqual([
      ["Someone@ACME.test", "domain", "Acme"],
      ["buyer@acme.test", "contact", "Reseller"],
      ["not-an-address", null, null],
      ["x@nowhere.test", null, null],
      ["buyer@acme.test", "contact", "Reseller"],
    ]);
    expect(out[0]?.customer).toEqual({
      id: acme,
      name: "Acme",
      tier: "A",
      keyAccount: true,
      negativeValue: false,
      credit: { rating: "watch", overdueAmount: 1500.5 },
      churn: "high",
      serviceLevel: { cadenceDays: 15, replyHours: 24, nextFollowUp: "2026-01-15", accountManager: false },
      suggestions: sugg.slice(0, 3),
    });
    expect(out[1]?.customer).toMatchObject({
      id: reseller,
      tier: null,
      credit: { rating: null, overdueAmount: null },
      suggestions: [],
    });
  });

  it("never matches a free-mail domain, only its exact addresses", async () => {
    const admin = await createTestWorkspace();
    // A bad row that must not leak: a free-mail domain stored against a customer.
    await insertCustomer(admin.workspaceId, { name: "Wrong", domains: ["gmail.com", "qq.com"] });
    await insertCustomer(admin.workspaceId, { name: "Li Wei", emails: ["li.wei@qq.com"] });
    const out = await results(await lookup(admin, ["stranger@gmail.com", "li.wei@qq.com", "other@qq.com"]));
    expect(out.map((r) => r.match)).toEqual([null, "contact", null]);
  });

  it("tells a rep an address is a colleague's customer without showing it", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    await insertCustomer(admin.workspaceId, { name: "Theirs", ownerId: other.userId, domains: ["theirs.test"] });
    await insertCustomer(admin.workspaceId, { name: "Mine", ownerId: rep.userId, domains: ["mine.test"] });
    await insertCustomer(admin.workspaceId, { name: "Free", domains: ["free.test"] });
    const out = await results(await lookup(rep, ["a@theirs.test", "a@mine.test", "a@free.test"]));
    expect(out.map((r) => [r.match, r.customer?.name ?? null])).toEqual([
      ["restricted", null],
      ["domain", "Mine"],
      ["domain", "Free"],
    ]);
    const manager = await createTestUser(admin.workspaceId, "manager");
    expect((await results(await lookup(manager, ["a@theirs.test"])))[0]?.customer?.name).toBe("Theirs");
  });

  it("sees nothing of another workspace", async () => {
    const admin = await createTestWorkspace();
    const stranger = await createTestWorkspace();
    await insertCustomer(admin.workspaceId, { emails: ["ceo@secret.test"], domains: ["secret.test"] });
    expect((await results(await lookup(stranger, ["ceo@secret.test", "x@secret.test"]))).map((r) => r.match)).toEqual([
      null,
      null,
    ]);
  });

  it("answers 304 for a matching If-None-Match, and a new ETag once a contact is added", async () => {
    const admin = await createTestWorkspace();
    const id = await insertCustomer(admin.workspaceId, { name: "Acme" });
    const first = await lookup(admin, ["new@person.test"]);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await lookup(admin, ["new@person.test"], { "If-None-Match": etag ?? "" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await lookup(admin, ["other@person.test"], { "If-None-Match": etag ?? "" })).status).toBe(200);
    // Logging with contactEmail adds the contact and bumps the workspace's data version.
    const logged = await call(admin, "POST", "/api/v1/interactions", {
      id: crypto.randomUUID(),
      customerId: id,
      contactEmail: "new@person.test",
      kind: "email",
      occurredAt: "2026-01-02T03:04:05Z",
      summary: "Hello",
    });
    expect(logged.status).toBe(201);
    const after = await lookup(admin, ["new@person.test"], { "If-None-Match": etag ?? "" });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect((await results(after))[0]).toMatchObject({ match: "contact", customer: { name: "Acme" } });
  });

  it("gives each rep their own ETag", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    const other = await createTestUser(admin.workspaceId, "rep");
    const tags = await Promise.all(
      [admin, rep, other].map(async (u) => (await lookup(u, ["a@b.test"])).headers.get("ETag")),
    );
    expect(new Set(tags).size).toBe(3);
  });

  it("names invalid bodies: no list, an empty one, more than 50, an overlong address", async () => {
    const admin = await createTestWorkspace();
    for (const emails of [undefined, [], Array.from({ length: 51 }, (_, i) => `a${i}@x.test`), ["x".repeat(400)]]) {
      const res = await lookup(admin, emails);
      expect(res.status).toBe(400);
      const detail = ((await res.json()) as { error: { details: { field: string }[] } }).error.details[0];
      expect(detail?.field).toMatch(/^emails/);
    }
    expect((await call(null, "POST", "/api/v1/lookup", { emails: ["a@b.test"] })).status).toBe(401);
  });

  it("answers 50 addresses with the right matches", async () => {
    const admin = await createTestWorkspace();
    await insertCustomer(admin.workspaceId, {
      name: "Wide",
      domains: Array.from({ length: 25 }, (_, i) => `d${i}.test`),
    });
    const emails = Array.from({ length: 50 }, (_, i) => `p${i}@d${i % 30}.test`);
    const out = await results(await lookup(admin, emails));
    // d0…d24 exist: p0–p24 and p30–p49 (d0…d19) match, p25–p29 do not.
    expect(out.map((r) => r.match === "domain")).toEqual(emails.map((_, i) => i % 30 < 25));
  });
});
