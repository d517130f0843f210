// The page shell: skip link, top bar with the role's navigation, language switch and sign-out, then the screen.
import type { Child } from "hono/jsx";
import type { AdminKey } from "../../../../shared/i18n/admin.en";
import type { Caller, Role } from "../../env";
import type { Ui } from "../i18n";
import { CsrfField } from "./form";

interface NavItem {
  href: string;
  key: AdminKey;
  roles: Role[];
}

const NAV: NavItem[] = [
  { href: "/admin", key: "nav.dashboard", roles: ["admin", "manager"] },
  { href: "/admin/today", key: "nav.today", roles: ["admin", "manager", "rep"] },
  { href: "/admin/customers", key: "nav.customers", roles: ["admin", "manager", "rep"] },
  { href: "/admin/scoring", key: "nav.scoring", roles: ["admin"] },
  { href: "/admin/import", key: "nav.import", roles: ["admin"] },
  { href: "/admin/people", key: "nav.people", roles: ["admin"] },
  { href: "/admin/tokens", key: "nav.tokens", roles: ["admin"] },
  { href: "/admin/connect", key: "nav.connect", roles: ["admin", "manager", "rep"] },
  { href: "/admin/audit", key: "nav.audit", roles: ["admin"] },
];

const isCurrent = (href: string, path: string) => (href === "/admin" ? path === "/admin" : path.startsWith(href));

function LangSwitch({ ui }: { ui: Ui }) {
  const back = encodeURIComponent(ui.path);
  return (
    <nav class="lang" aria-label={ui.t("lang.label")}>
      <a href={`/admin/lang/en?back=${back}`} lang="en" aria-current={ui.locale === "en" ? "true" : undefined}>
        English
      </a>
      <a href={`/admin/lang/zh-CN?back=${back}`} lang="zh-CN" aria-current={ui.locale === "zh-CN" ? "true" : undefined}>
        中文
      </a>
    </nav>
  );
}

export interface PageProps {
  ui: Ui;
  title: string;
  caller?: Caller | undefined;
  /** A short notice after an action (already translated). */
  notice?: string | undefined;
  /** A button beside the notice (Undo after a log); shown only with a notice. */
  noticeAction?: Child;
  wide?: boolean;
  children?: Child;
}

export function Page({ ui, title, caller, notice, noticeAction, wide, children }: PageProps) {
  return (
    <html lang={ui.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${title} · Tierlens`}</title>
        <link rel="stylesheet" href="/admin/assets/app.css" />
        <link rel="icon" href="/admin/assets/icon.svg" type="image/svg+xml" />
        <script src="/admin/assets/app.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {ui.t("nav.skip")}
        </a>
        <header class="top">
          <a class="brand" href={caller ? "/admin" : "/admin/sign-in"}>
            <span class="logo" aria-hidden="true">
              ◆
            </span>
            Tierlens
            {caller ? <span class="ws">{caller.workspaceName}</span> : null}
          </a>
          {caller ? (
            <nav class="main-nav" aria-label={ui.t("nav.label")}>
              <ul>
                {NAV.filter((n) => n.roles.includes(caller.role)).map((n) => (
                  <li>
                    <a href={n.href} aria-current={isCurrent(n.href, ui.path) ? "page" : undefined}>
                      {ui.t(n.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div class="top-end">
            <LangSwitch ui={ui} />
            {caller ? (
              <div class="who">
                <a href="/admin/account" title={caller.email}>
                  {caller.name}
                  <span class="role">{ui.tk(`role.${caller.role}`)}</span>
                </a>
                <form method="post" action="/admin/sign-out">
                  <CsrfField ui={ui} />
                  <button type="submit" class="link">
                    {ui.t("nav.signOut")}
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" tabindex={-1} class={wide ? "wide" : undefined}>
          <h1>{title}</h1>
          {notice ? (
            <div class="notice" role="status">
              {notice}
              {noticeAction ? <> {noticeAction}</> : null}
            </div>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}
