// The Hono environment of the admin UI: the API's bindings plus the session, locale and CSRF token of the request.
import type { Locale } from "../../../shared/i18n/types";
import type { Caller, Db, Env } from "../env";
import type { ActiveSession } from "../services/sessions";

export interface AdminVariables {
  db: Db;
  /** Set once a session is loaded; pages behind `requireSession` can rely on it. */
  caller: Caller;
  session: ActiveSession | undefined;
  locale: Locale;
  /** The token forms carry in their hidden `_csrf` field. */
  csrfToken: string;
}

export interface AdminEnv {
  Bindings: Env;
  Variables: AdminVariables;
}
