// The admin web UI: /setup and every page under /admin, each screen a module mounted here.
import { Hono } from "hono";
import { csrfProtect } from "../middleware/csrf";
import { securityHeaders } from "../middleware/security-headers";
import { loadSession } from "../middleware/session";
import { assets } from "./assets/routes";
import { audit } from "./audit";
import { account } from "./auth/account";
import { lang } from "./auth/lang";
import { setup } from "./auth/setup";
import { signIn } from "./auth/sign-in";
import { customers } from "./customers/detail";
import { interactionUndo } from "./customers/undo";
import { home } from "./dashboard/home";
import type { AdminEnv } from "./env";
import { errorPage, onAdminError } from "./error-page";
import { detectLocale } from "./i18n";
import { exports } from "./imports/export";
import { imports } from "./imports/page";
import { connect } from "./people/connect";
import { tokens } from "./people/tokens";
import { people } from "./people/users";
import { scoring } from "./scoring/page";
import { today } from "./today/page";

export const admin = new Hono<AdminEnv>();

admin.use("/admin/*", securityHeaders, detectLocale);
admin.use("/admin", securityHeaders, detectLocale);
admin.use("/setup", securityHeaders, detectLocale);
admin.route("/admin/assets", assets);
admin.use("/admin/*", loadSession, csrfProtect);
admin.use("/admin", loadSession, csrfProtect);
admin.use("/setup", loadSession, csrfProtect);
admin.onError(onAdminError);

admin.route("/", setup);
admin.route("/admin", signIn);
admin.route("/admin", lang);
admin.route("/admin/account", account);
admin.route("/admin/today", today);
admin.route("/admin/customers", customers);
admin.route("/admin/interactions", interactionUndo);
admin.route("/admin/scoring", scoring);
admin.route("/admin/people", people);
admin.route("/admin/audit", audit);
admin.route("/admin/import", imports);
admin.route("/admin/export", exports);
admin.route("/admin/tokens", tokens);
admin.route("/admin/connect", connect);
admin.route("/admin", home);

admin.all("/admin/*", (c) => errorPage(c, 404));
