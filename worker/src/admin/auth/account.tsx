// The signed-in person's account: change password (every session of theirs ends; this browser gets a fresh one).
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { passwordSchema } from "../../../../shared/contract";
import { users } from "../../db/schema";
import { verifyPassword } from "../../lib/crypto";
import { requireSession, startSession } from "../../middleware/session";
import { recordFailure } from "../../services/throttle";
import { updateUser } from "../../services/users";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { noticeOf, pageContext, render } from "../render";
import { CsrfField, Field, type Problems } from "../ui/form";
import { Page } from "../ui/layout";
import { accountThrottleKey, lockedFor } from "./sign-in";

/** The API contract's rule (passwordSchema), said in the form's hint. */
export const MIN_PASSWORD_LENGTH = 12;

function AccountPage(p: { ui: Ui; caller: AdminEnv["Variables"]["caller"]; problems: Problems; notice?: string }) {
  const { ui, caller, problems } = p;
  return (
    <Page ui={ui} title={ui.t("account.title")} caller={caller} notice={p.notice}>
      <div class="grid two">
        <section class="card" aria-labelledby="me-h">
          <h2 id="me-h">{ui.t("account.you")}</h2>
          <dl class="facts">
            <dt>{ui.t("field.name")}</dt>
            <dd>{caller.name}</dd>
            <dt>{ui.t("field.email")}</dt>
            <dd>{caller.email}</dd>
            <dt>{ui.t("field.role")}</dt>
            <dd>{ui.tk(`role.${caller.role}`)}</dd>
            <dt>{ui.t("account.workspace")}</dt>
            <dd>{caller.workspaceName}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="pw-h">
          <h2 id="pw-h">{ui.t("account.changePassword")}</h2>
          <form method="post" action="/admin/account/password">
            <CsrfField ui={ui} />
            <Field
              label={ui.t("account.current")}
              name="current"
              type="password"
              required
              autocomplete="current-password"
              error={problems.current}
            />
            <Field
              label={ui.t("account.new")}
              name="password"
              type="password"
              required
              autocomplete="new-password"
              hint={ui.t("account.passwordHint", { n: MIN_PASSWORD_LENGTH })}
              error={problems.password}
            />
            <Field
              label={ui.t("account.confirm")}
              name="confirm"
              type="password"
              required
              autocomplete="new-password"
              error={problems.confirm}
            />
            <p class="hint">{ui.t("account.signsOutOthers")}</p>
            <div class="actions">
              <button type="submit">{ui.t("account.changePassword")}</button>
            </div>
          </form>
        </section>
      </div>
    </Page>
  );
}

export const account = new Hono<AdminEnv>();
account.use("*", requireSession);

account.get("/", (c) => {
  const { ui, caller } = pageContext(c);
  return render(c, <AccountPage ui={ui} caller={caller} problems={{}} notice={noticeOf(c, ui)} />);
});

account.post("/password", async (c) => {
  const { ui, caller } = pageContext(c);
  const body = await c.req.parseBody();
  const current = String(body.current ?? "");
  const password = String(body.password ?? "");
  const confirm = String(body.confirm ?? "");
  const db = c.var.db;
  const key = accountThrottleKey(caller.email);
  const wait = await lockedFor(db, [key]);
  if (wait > 0) {
    c.header("Retry-After", String(wait));
    const problems = { current: ui.t("signIn.throttled", { minutes: Math.ceil(wait / 60) }) };
    return render(c, <AccountPage ui={ui} caller={caller} problems={problems} />, 429);
  }
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, caller.userId));
  const problems: Problems = {};
  if (!row?.hash || !(await verifyPassword(current, row.hash))) {
    problems.current = ui.t("account.currentWrong");
    await recordFailure(db, key);
  }
  if (!passwordSchema.safeParse(password).success)
    problems.password = ui.t("account.passwordHint", { n: MIN_PASSWORD_LENGTH });
  else if (password !== confirm) problems.confirm = ui.t("account.mismatch");
  if (Object.keys(problems).length > 0)
    return render(c, <AccountPage ui={ui} caller={caller} problems={problems} />, 400);
  // updateUser hashes, audits and ends every session of this person (a thief's too) in one batch;
  // this browser continues on a brand-new session.
  await updateUser(db, caller, caller.userId, { password });
  await startSession(c, { workspaceId: caller.workspaceId, userId: caller.userId });
  return c.redirect("/admin/account?notice=passwordChanged", 303);
});
