// First run: while no workspace exists, /setup takes the operator token and creates the first workspace and its admin.
import { Hono } from "hono";
import { createWorkspaceRequestSchema } from "../../../../shared/contract";
import { workspaces } from "../../db/schema";
import type { Db } from "../../env";
import { ApiError } from "../../lib/errors";
import { preSessionCsrfToken } from "../../middleware/csrf";
import { startSession } from "../../middleware/session";
import { safeEqual } from "../../services/sessions";
import { addressKey, checkThrottle, recordFailure } from "../../services/throttle";
import { createWorkspace } from "../../services/workspaces";
import type { AdminEnv } from "../env";
import { buildUi, type Ui } from "../i18n";
import { messageText, problemsFromIssues } from "../lib/validation-text";
import { render } from "../render";
import { ErrorSummary, Field, type Problems } from "../ui/form";
import { Page } from "../ui/layout";

async function anyWorkspace(db: Db): Promise<boolean> {
  const rows = await db.select({ id: workspaces.id }).from(workspaces).limit(1);
  return rows.length > 0;
}

interface SetupValues {
  workspace?: string;
  name?: string;
  email?: string;
}

function SetupPage({ ui, values, problems }: { ui: Ui; values: SetupValues; problems: Problems }) {
  const general = problems[""] ? [problems[""]] : [];
  return (
    <Page ui={ui} title={ui.t("setup.title")}>
      <div class="card narrow">
        <p>{ui.t("setup.intro")}</p>
        <ErrorSummary ui={ui} errors={general} />
        <form method="post" action="/setup">
          <input type="hidden" name="_csrf" value={ui.csrf} />
          <Field
            label={ui.t("setup.operatorToken")}
            name="operatorToken"
            type="password"
            required
            autocomplete="off"
            hint={ui.t("setup.operatorHint")}
            error={problems.operatorToken}
          />
          <Field
            label={ui.t("setup.workspace")}
            name="workspace"
            value={values.workspace}
            required
            error={problems.name}
          />
          <Field label={ui.t("field.name")} name="name" value={values.name} required error={problems["admin.name"]} />
          <Field
            label={ui.t("field.email")}
            name="email"
            type="email"
            value={values.email}
            required
            autocomplete="username"
            error={problems["admin.email"]}
          />
          <Field
            label={ui.t("field.password")}
            name="password"
            type="password"
            required
            autocomplete="new-password"
            hint={ui.t("account.passwordHint", { n: 12 })}
            error={problems["admin.password"]}
          />
          <div class="actions">
            <button type="submit">{ui.t("setup.submit")}</button>
          </div>
        </form>
      </div>
    </Page>
  );
}

export const setup = new Hono<AdminEnv>();

setup.get("/setup", async (c) => {
  if (await anyWorkspace(c.var.db)) return c.redirect("/admin/sign-in", 303);
  const ui = { ...buildUi(c), csrf: preSessionCsrfToken(c) };
  return render(c, <SetupPage ui={ui} values={{}} problems={{}} />);
});

setup.post("/setup", async (c) => {
  if (await anyWorkspace(c.var.db)) return c.redirect("/admin/sign-in", 303);
  const ui = { ...buildUi(c), csrf: preSessionCsrfToken(c) };
  const body = await c.req.parseBody();
  const values = {
    workspace: String(body.workspace ?? ""),
    name: String(body.name ?? ""),
    email: String(body.email ?? ""),
  };
  const key = addressKey("setup", (h) => c.req.header(h));
  const wait = await checkThrottle(c.var.db, key);
  if (wait) {
    c.header("Retry-After", String(wait));
    const problems = { "": ui.t("signIn.throttled", { minutes: Math.ceil(wait / 60) }) };
    return render(c, <SetupPage ui={ui} values={values} problems={problems} />, 429);
  }
  const expected = c.env.OPERATOR_TOKEN;
  if (!expected)
    return render(c, <SetupPage ui={ui} values={values} problems={{ "": ui.t("setup.noOperator") }} />, 503);
  if (!safeEqual(String(body.operatorToken ?? ""), expected)) {
    await recordFailure(c.var.db, key);
    const problems = { operatorToken: ui.t("setup.wrongOperator") };
    return render(c, <SetupPage ui={ui} values={values} problems={problems} />, 403);
  }
  const parsed = createWorkspaceRequestSchema.safeParse({
    name: values.workspace,
    admin: { name: values.name, email: values.email, password: String(body.password ?? "") },
  });
  if (!parsed.success) {
    const problems = problemsFromIssues(ui.t, parsed.error.issues);
    return render(c, <SetupPage ui={ui} values={values} problems={problems} />, 400);
  }
  try {
    const created = await createWorkspace(c.var.db, parsed.data);
    await startSession(c, { workspaceId: created.workspace.id, userId: created.admin.id });
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      return render(
        c,
        <SetupPage ui={ui} values={values} problems={{ "admin.email": messageText(ui.t, err.message) }} />,
        409,
      );
    }
    throw err;
  }
  return c.redirect("/admin?notice=welcome", 303);
});
