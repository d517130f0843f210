// People (admin): the workspace's users, create one, change a role, disable / enable (reuses services/users).
import { type Context, Hono } from "hono";
import { createUserRequestSchema, type UpdateUserRequest, type User } from "../../../../shared/contract";
import type { Role } from "../../env";
import { ApiError } from "../../lib/errors";
import { requireRoles, requireSession } from "../../middleware/session";
import { createUser, listUsers, updateUser } from "../../services/users";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { messageText, problemsFromIssues } from "../lib/validation-text";
import { noticeOf, pageContext, render } from "../render";
import { ErrorSummary, Field, PostForm, type Problems, Select } from "../ui/form";
import { Page } from "../ui/layout";

const ROLES: Role[] = ["admin", "manager", "rep"];
const roleOptions = (ui: Ui) => ROLES.map((r) => ({ value: r, label: ui.tk(`role.${r}`) }));

function UserRow({ ui, user, self }: { ui: Ui; user: User; self: boolean }) {
  return (
    <tr>
      <td>
        {user.name}
        {self ? <span class="muted small"> ({ui.t("people.you")})</span> : null}
      </td>
      <td>{user.email}</td>
      <td>
        <PostForm ui={ui} action={`/admin/people/${user.id}/role`} class="inline-form">
          <label class="sr-only" for={`role-${user.id}`}>
            {ui.t("field.role")}
          </label>
          <select id={`role-${user.id}`} name="role" aria-label={`${ui.t("field.role")}: ${user.name}`}>
            {roleOptions(ui).map((o) => (
              <option value={o.value} selected={o.value === user.role}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary small">
            {ui.t("people.setRole")}
          </button>
        </PostForm>
      </td>
      <td>
        {user.disabled ? <span class="badge credit-hold">{ui.t("people.disabled")}</span> : ui.t("people.active")}
      </td>
      <td>
        {self ? null : user.disabled ? (
          <PostForm ui={ui} action={`/admin/people/${user.id}/enable`}>
            <button type="submit" class="secondary small">
              {ui.t("people.enable")}
            </button>
          </PostForm>
        ) : (
          <PostForm ui={ui} action={`/admin/people/${user.id}/disable`} confirm={ui.t("people.disableConfirm")}>
            <button type="submit" class="danger small">
              {ui.t("people.disable")}
            </button>
          </PostForm>
        )}
      </td>
    </tr>
  );
}

interface PeopleProps {
  ui: Ui;
  caller: AdminEnv["Variables"]["caller"];
  users: User[];
  problems: Problems;
  values: Record<string, string>;
  notice?: string | undefined;
}

function PeoplePage({ ui, caller, users, problems, values, notice }: PeopleProps) {
  return (
    <Page ui={ui} title={ui.t("nav.people")} caller={caller} notice={notice}>
      <section class="card" aria-labelledby="users-h">
        <h2 id="users-h">{ui.t("people.users")}</h2>
        <ErrorSummary ui={ui} errors={problems[""] ? [problems[""]] : []} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{ui.t("field.name")}</th>
                <th>{ui.t("field.email")}</th>
                <th>{ui.t("field.role")}</th>
                <th>{ui.t("people.status")}</th>
                <th>
                  <span class="sr-only">{ui.t("people.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow ui={ui} user={u} self={u.id === caller.userId} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" aria-labelledby="add-h">
        <h2 id="add-h">{ui.t("people.add")}</h2>
        <PostForm ui={ui} action="/admin/people">
          <div class="row">
            <Field label={ui.t("field.name")} name="name" value={values.name} required error={problems.name} />
            <Field
              label={ui.t("field.email")}
              name="email"
              type="email"
              value={values.email}
              required
              error={problems.email}
            />
            <Select label={ui.t("field.role")} name="role" value={values.role ?? "rep"} options={roleOptions(ui)} />
            <Field
              label={ui.t("people.initialPassword")}
              name="password"
              type="password"
              autocomplete="new-password"
              hint={ui.t("people.passwordHint")}
              error={problems.password}
            />
          </div>
          <div class="actions">
            <button type="submit">{ui.t("people.create")}</button>
          </div>
        </PostForm>
      </section>
    </Page>
  );
}

export const people = new Hono<AdminEnv>();
people.use("*", requireSession, requireRoles("admin"));

people.get("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const users = await listUsers(c.var.db, caller.workspaceId);
  return render(
    c,
    <PeoplePage ui={ui} caller={caller} users={users} problems={{}} values={{}} notice={noticeOf(c, ui)} />,
  );
});

people.post("/", async (c) => {
  const { ui, caller } = pageContext(c);
  const body = await c.req.parseBody();
  const values = {
    name: String(body.name ?? ""),
    email: String(body.email ?? ""),
    role: String(body.role ?? "rep"),
  };
  const password = String(body.password ?? "");
  const parsed = createUserRequestSchema.safeParse({ ...values, ...(password ? { password } : {}) });
  const problems: Problems = parsed.success ? {} : problemsFromIssues(ui.t, parsed.error.issues);
  if (parsed.success) {
    try {
      await createUser(c.var.db, caller, parsed.data);
      return c.redirect("/admin/people?notice=userCreated", 303);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 409) throw err;
      problems.email = messageText(ui.t, err.message);
    }
  }
  const users = await listUsers(c.var.db, caller.workspaceId);
  return render(c, <PeoplePage ui={ui} caller={caller} users={users} problems={problems} values={values} />, 400);
});

/** Role changes and disabling go through updateUser (audited; refuses to leave no active admin). */
async function change(c: Context<AdminEnv>, patch: UpdateUserRequest) {
  const { ui, caller } = pageContext(c);
  try {
    await updateUser(c.var.db, caller, c.req.param("id") ?? "", patch);
    return c.redirect("/admin/people?notice=userUpdated", 303);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 409) throw err;
    const users = await listUsers(c.var.db, caller.workspaceId);
    const problems = { "": ui.t("people.lastAdmin") };
    return render(c, <PeoplePage ui={ui} caller={caller} users={users} problems={problems} values={{}} />, 409);
  }
}

people.post("/:id/role", async (c) => {
  const role = String((await c.req.parseBody()).role ?? "");
  if (!ROLES.includes(role as Role)) return c.redirect("/admin/people", 303);
  return change(c, { role: role as Role });
});
people.post("/:id/disable", (c) => change(c, { disabled: true }));
people.post("/:id/enable", (c) => change(c, { disabled: false }));
