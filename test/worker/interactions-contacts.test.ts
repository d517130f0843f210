// Interactions linked to contacts (interactions.contact_id): by the logged address, by contactEmail, on import —
// and MAN authority turning "yes" once a decider was contacted in the last 90 days (DOMAIN.md §3.7).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { call, createTestWorkspace, db, type TestUser } from "./helpers";

let admin: TestUser;
let customerId: string;

const contactIdOf = async (interactionId: string) => {
  const [row] = await db
    .select({ contactId: schema.interactions.contactId })
    .from(schema.interactions)
    .where(and(eq(schema.interactions.workspaceId, admin.workspaceId), eq(schema.interactions.id, interactionId)));
  return row?.contactId;
};
const contactId = async (email: string) => {
  const [row] = await db
    .select({ id: schema.contacts.id })
    .from(schema.contacts)
    .where(and(eq(schema.contacts.workspaceId, admin.workspaceId), eq(schema.contacts.email, email)));
  return row?.id;
};
const authority = async () => {
  const res = await call(admin, "GET", `/api/v1/customers/${customerId}`);
  const body = (await res.json()) as { grade: { man: { authority: string } } };
  return body.grade.man.authority;
};

beforeAll(async () => {
  admin = await createTestWorkspace("Decider Co.");
  await call(admin, "POST", "/api/v1/import/customers", [
    { externalId: "ACME", name: "Acme", domains: ["acme.test"] },
    { externalId: "OTHER", name: "Other" },
  ]);
  const contacts = await call(admin, "POST", "/api/v1/import/contacts", [
    { customerExternalId: "ACME", name: "Dora Decider", email: "dora@acme.test", role: "decider" },
    { customerExternalId: "ACME", name: "Uma User", email: "uma@acme.test", role: "user" },
    { customerExternalId: "OTHER", name: "Olga", email: "olga@other.test", role: "decider" },
  ]);
  expect(await contacts.json()).toMatchObject({ created: 3, errors: [] });
  const [row] = await db
    .select({ id: schema.customers.id })
    .from(schema.customers)
    .where(and(eq(schema.customers.workspaceId, admin.workspaceId), eq(schema.customers.externalId, "ACME")));
  customerId = row?.id ?? "";
});

describe("contact_id on logged interactions", () => {
  it("makes MAN authority yes after a regrade once a decider is emailed via POST /interactions", async () => {
    expect((await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-03-01" })).status).toBe(200);
    expect(await authority()).toBe("unknown");
    const id = crypto.randomUUID();
    const logged = await call(admin, "POST", "/api/v1/interactions", {
      id,
      email: "dora@acme.test",
      kind: "email",
      occurredAt: "2026-02-20T09:00:00Z",
      summary: "Budget agreed",
    });
    expect(logged.status).toBe(201);
    expect(await logged.json()).not.toHaveProperty("contactId");
    expect(await contactIdOf(id)).toBe(await contactId("dora@acme.test"));
    expect((await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-03-01" })).status).toBe(200);
    expect(await authority()).toBe("yes");
    // 90 days later the contact is too old to count.
    await call(admin, "POST", "/api/v1/regrade", { asOf: "2026-06-01" });
    expect(await authority()).toBe("unknown");
  });

  it("links by domain match to no contact, and by contactEmail to the contact it names or creates", async () => {
    const byDomain = crypto.randomUUID();
    await call(admin, "POST", "/api/v1/interactions", {
      id: byDomain,
      email: "someone@acme.test",
      kind: "email",
      occurredAt: "2026-02-21T09:00:00Z",
      summary: "Hi",
    });
    expect(await contactIdOf(byDomain)).toBeNull();
    const named = crypto.randomUUID();
    const created = crypto.randomUUID();
    const foreign = crypto.randomUUID();
    const res = await call(admin, "POST", "/api/v1/interactions/batch", {
      items: [
        {
          id: named,
          customerId,
          contactEmail: "uma@acme.test",
          kind: "call",
          occurredAt: "2026-02-22T09:00:00Z",
          summary: "Met",
        },
        {
          id: created,
          customerId,
          contactEmail: "new@acme.test",
          kind: "call",
          occurredAt: "2026-02-22T10:00:00Z",
          summary: "Met",
        },
        {
          id: foreign,
          customerId,
          contactEmail: "olga@other.test",
          kind: "call",
          occurredAt: "2026-02-22T11:00:00Z",
          summary: "Met",
        },
      ],
    });
    expect(((await res.json()) as { results: { status: number }[] }).results.map((r) => r.status)).toEqual([
      201, 201, 201,
    ]);
    expect(await contactIdOf(named)).toBe(await contactId("uma@acme.test"));
    expect(await contactIdOf(created)).toBe(await contactId("new@acme.test"));
    expect(await contactIdOf(foreign)).toBeNull(); // another customer's contact is not linked
  });

  it("links a prospect's interaction to the contact created with it", async () => {
    const id = crypto.randomUUID();
    const res = await call(admin, "POST", "/api/v1/interactions", {
      id,
      email: "first@newco.test",
      createProspect: true,
      kind: "email",
      occurredAt: "2026-02-23T09:00:00Z",
      summary: "Hello",
    });
    expect(res.status).toBe(201);
    expect(await contactIdOf(id)).toBe(await contactId("first@newco.test"));
  });
});

describe("contact_email on import", () => {
  it("links imported interactions to the named contact of the same customer, else names the row", async () => {
    const [ok, plain, wrong] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const csv = [
      "id,customer_external_id,kind,occurred_at,summary,contact_email",
      `${ok},ACME,meeting,2026-02-24T09:00:00Z,Visit,DORA@acme.test`,
      `${plain},ACME,note,2026-02-24T10:00:00Z,Note,`,
      `${wrong},ACME,call,2026-02-24T11:00:00Z,Call,olga@other.test`,
    ].join("\n");
    const res = await call(admin, "POST", "/api/v1/import/interactions", csv, { "Content-Type": "text/csv" });
    expect(await res.json()).toMatchObject({
      created: 2,
      errors: [{ row: 3, field: "contact_email" }],
    });
    expect(await contactIdOf(ok)).toBe(await contactId("dora@acme.test"));
    expect(await contactIdOf(plain)).toBeNull();
    expect(await contactIdOf(wrong)).toBeUndefined();
  });
});
