// Sign-in (email + password, throttled per account and address) and sign-out.
import { type Context, Hono } from "hono";
import { verifyPassword } from "../../lib/crypto";
import { preSessionCsrfToken } from "../../middleware/csrf";
import { clearSessionCookie, startSession } from "../../middleware/session";
import { destroySession, findSignInUser } from "../../services/sessions";
import { checkThrottle, clearThrottle, DEFAULT_THROTTLE, recordFailure } from "../../services/throttle";
import type { AdminEnv } from "../env";
import { buildUi, type Ui } from "../i18n";
import { clientAddress } from "../lib/client-address";
import { noticeOf, render, safeNext } from "../render";
import { ErrorSummary, Field } from "../ui/form";
import { Page } from "../ui/layout";

/** An address may fail more often than one account: several people can share an office's address. */
const ADDRESS_POLICY = { ...DEFAULT_THROTTLE, maxFailures: 20 };

/** Seconds until these keys may try again (0 when none is locked). */
export async function lockedFor(db: AdminEnv["Variables"]["db"], keys: string[]): Promise<number> {
  const waits = await Promise.all(keys.map((k) => checkThrottle(db, k)));
  return Math.max(0, ...waits.map((w) => w ?? 0));
}

export const accountThrottleKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
/** A hash of nothing useful: verified against when the account does not exist, so both answers take as long. */
const DUMMY_HASH = "scrypt$16384$8$5$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

interface SignInProps {
  ui: Ui;
  email?: string;
  next: string;
  errors: string[];
  notice?: string | undefined;
}

function SignInPage({ ui, email, next, errors, notice }: SignInProps) {
  return (
    <Page ui={ui} title={ui.t("signIn.title")} notice={notice}>
      <div class="card narrow">
        <ErrorSummary ui={ui} errors={errors} />
        <form method="post" action="/admin/sign-in">
          <input type="hidden" name="_csrf" value={ui.csrf} />
          <input type="hidden" name="next" value={next} />
          <Field label={ui.t("field.email")} name="email" type="email" value={email} required autocomplete="username" />
          <Field
            label={ui.t("field.password")}
            name="password"
            type="password"
            required
            autocomplete="current-password"
          />
          <div class="actions">
            <button type="submit">{ui.t("signIn.submit")}</button>
          </div>
        </form>
      </div>
    </Page>
  );
}

const withPreCsrf = (c: Context<AdminEnv>) => {
  const ui = buildUi(c);
  return { ...ui, csrf: preSessionCsrfToken(c) };
};

export const signIn = new Hono<AdminEnv>();

signIn.get("/sign-in", (c) => {
  if (c.var.session) return c.redirect(safeNext(c.req.query("next")), 303);
  const ui = withPreCsrf(c);
  return render(c, <SignInPage ui={ui} next={safeNext(c.req.query("next"))} errors={[]} notice={noticeOf(c, ui)} />);
});

signIn.post("/sign-in", async (c) => {
  const body = await c.req.parseBody();
  const email = String(body.email ?? "")
    .trim()
    .toLowerCase();
  const password = String(body.password ?? "");
  const next = safeNext(String(body.next ?? ""));
  const ui = withPreCsrf(c);
  const accountKey = accountThrottleKey(email);
  const addressKey = `signin:ip:${clientAddress(c)}`;
  const wait = await lockedFor(c.var.db, [accountKey, addressKey]);
  if (wait > 0) {
    c.header("Retry-After", String(wait));
    const minutes = Math.ceil(wait / 60);
    return render(
      c,
      <SignInPage ui={ui} email={email} next={next} errors={[ui.t("signIn.throttled", { minutes })]} />,
      429,
    );
  }
  const user = email ? await findSignInUser(c.var.db, email) : null;
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user?.passwordHash || !ok) {
    await recordFailure(c.var.db, accountKey);
    await recordFailure(c.var.db, addressKey, new Date(), ADDRESS_POLICY);
    return render(c, <SignInPage ui={ui} email={email} next={next} errors={[ui.t("signIn.wrong")]} />, 401);
  }
  await clearThrottle(c.var.db, accountKey);
  // A new id at every sign-in, whatever cookie the browser brought (no session fixation).
  if (c.var.session) await destroySession(c.var.db, c.var.session.idHash);
  await startSession(c, { workspaceId: user.workspaceId, userId: user.id });
  return c.redirect(next, 303);
});

signIn.post("/sign-out", async (c) => {
  if (c.var.session) await destroySession(c.var.db, c.var.session.idHash);
  clearSessionCookie(c);
  return c.redirect("/admin/sign-in?notice=signedOut", 303);
});
