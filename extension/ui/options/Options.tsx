// The options page: connection (pairing code or token), language, extra sites, and the privacy statement.
import { useEffect, useState } from "preact/hooks";
import { getSettings, setSettings } from "../../lib/connection";
import type { LocaleSetting } from "../../lib/i18n";
import type { StatusReply } from "../../lib/messages";
import { ask } from "../send";
import { useLocale } from "../use-locale";
import { ConnectForm } from "./ConnectForm";
import { Sites } from "./Sites";

export function Options() {
  const { t, locale, reload } = useLocale();
  const [status, setStatus] = useState<StatusReply | null>(null);
  const [setting, setSetting] = useState<LocaleSetting>("auto");
  const refresh = () => void ask({ type: "status" }).then(setStatus);
  useEffect(() => {
    refresh();
    void getSettings().then((s) => setSetting(s.locale));
  }, []);
  const changeLanguage = async (value: LocaleSetting) => {
    setSetting(value);
    await setSettings({ locale: value });
    reload();
  };
  return (
    <main style="max-width:560px;margin:0 auto;padding:16px">
      <h1>{t("options.title")}</h1>
      <section>
        {status?.connected ? (
          <div>
            <p data-testid="connected">
              {t("options.connectedAs", {
                server: status.serverUrl ?? "",
                user: status.userName ?? "?",
                workspace: status.workspaceName ?? "?",
              })}
            </p>
            <button type="button" onClick={() => void ask({ type: "disconnect" }).then(refresh)}>
              {t("options.disconnect")}
            </button>
          </div>
        ) : (
          <ConnectForm t={t} onConnected={refresh} />
        )}
      </section>
      <section>
        <h2>{t("options.language")}</h2>
        <select
          value={setting}
          aria-label={t("options.language")}
          onChange={(e) => void changeLanguage(e.currentTarget.value as LocaleSetting)}
        >
          <option value="auto">{t("options.auto")}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
        <span class="muted"> {locale}</span>
      </section>
      <Sites t={t} />
      <section>
        <h2>{t("options.privacyTitle")}</h2>
        <p data-testid="privacy">{t("options.privacy")}</p>
      </section>
    </main>
  );
}
