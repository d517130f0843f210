// User management through the real worker: admin only, validation, 409s, disabling cuts access at once, audited.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/src/db/schema";
import { call, createTestUser, createTestWorkspace, db } from "./helpers";

type Body = {
  user: { id: string; role: string; disabled: boolean };
  error: { code: string; details: { field: string }[] };
};
const json = async (res: Response) => (await res.json()) as Body;
const fresh = () => `user-${crypto.randomUUID()}@example.test`;

describe("users", () => {
  it("lets an admin list, create and change users", async () => {
    const admin = await createTestWorkspace();
    const created = await call(admin, "POST", "/api/v1/users", {
      email: fresh().toUpperCase(),
      name: "Bo",
      role: "rep",
    });
    expect(created.status).toBe(201);
    const { user } = await json(created);
    expect(user).toMatchObject({ role: "rep", disabled: false });
    const list = (await (await call(admin, "GET", "/api/v1/users")).json()) as { items: { id: string }[] };
    expect(list.items.map((u) => u.id)).toEqual(expect.arrayContaining([admin.userId, user.id]));
    const patched = await call(admin, "PATCH", `/api/v1/users/${user.id}`, { role: "manager", name: "Bo Chen" });
    expect((await json(patched)).user).toMatchObject({ role: "manager", name: "Bo Chen" });
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, user.id));
    expect(audit.map((a) => a.action)).toEqual(["user.create", "user.update"]);
  });

  it("names invalid fields and refuses an empty change", async () => {
    const admin = await createTestWorkspace();
    const bad = await json(await call(admin, "POST", "/api/v1/users", { email: "nope", name: "", role: "boss" }));
    expect(bad.error.details.map((d) => d.field)).toEqual(expect.arrayContaining(["email", "name", "role"]));
    const res = await call(admin, "PATCH", `/api/v1/users/${admin.userId}`, {});
    expect(res.status).toBe(400);
    const short = await json(await call(admin, "PATCH", `/api/v1/users/${admin.userId}`, { password: "short" }));
    expect(short.error.details[0]?.field).toBe("password");
  });

  it("answers 409 for a taken email", async () => {
    const admin = await createTestWorkspace();
    const other = await createTestWorkspace();
    const res = await call(admin, "POST", "/api/v1/users", { email: other.email, name: "Dup", role: "rep" });
    expect(res.status).toBe(409);
  });

  it("is for admins only", async () => {
    const admin = await createTestWorkspace();
    for (const role of ["manager", "rep"] as const) {
      const user = await createTestUser(admin.workspaceId, role);
      expect((await call(user, "GET", "/api/v1/users")).status).toBe(403);
      expect((await call(user, "POST", "/api/v1/users", { email: fresh(), name: "X", role: "admin" })).status).toBe(
        403,
      );
      expect((await call(user, "PATCH", `/api/v1/users/${user.userId}`, { role: "admin" })).status).toBe(403);
    }
  });

  it("answers 404 for a user of another workspace", async () => {
    const admin = await createTestWorkspace();
    const stranger = await createTestWorkspace();
    expect((await call(admin, "PATCH", `/api/v1/users/${stranger.userId}`, { role: "rep" })).status).toBe(404);
    expect((await call(admin, "PATCH", "/api/v1/users/no-such-user", { role: "rep" })).status).toBe(404);
  });

  it("cuts a disabled user off at once and does not bring old tokens back on enabling", async () => {
    const admin = await createTestWorkspace();
    const rep = await createTestUser(admin.workspaceId, "rep");
    expect((await call(rep, "GET", "/api/v1/me")).status).toBe(200);
    expect(
      (await json(await call(admin, "PATCH", `/api/v1/users/${rep.userId}`, { disabled: true }))).user.disabled,
    ).toBe(true);
    expect((await call(rep, "GET", "/api/v1/me")).status).toBe(401);
    const tokens = await db.select().from(schema.apiTokens).where(eq(schema.apiTokens.userId, rep.userId));
    expect(tokens.every((t) => t.revokedAt !== null)).toBe(true);
    expect(
      (await json(await call(admin, "PATCH", `/api/v1/users/${rep.userId}`, { disabled: false }))).user.disabled,
    ).toBe(false);
    expect((await call(rep, "GET", "/api/v1/me")).status).toBe(401);
  });

  it("keeps at least one active admin", async () => {
    const admin = await createTestWorkspace();
    expect((await call(admin, "PATCH", `/api/v1/users/${admin.userId}`, { role: "rep" })).status).toBe(409);
    expect((await call(admin, "PATCH", `/api/v1/users/${admin.userId}`, { disabled: true })).status).toBe(409);
    const second = await createTestUser(admin.workspaceId, "admin");
    expect((await call(admin, "PATCH", `/api/v1/users/${second.userId}`, { role: "manager" })).status).toBe(200);
    const [row] = await db
      .select()
      .from(schema.users)
      .where(and(eq(schema.users.id, admin.userId), eq(schema.users.role, "admin")));
    expect(row?.disabledAt).toBeNull();
  });
});
