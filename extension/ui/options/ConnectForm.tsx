// Connect to a Tierlens server with a pairing code or an API token; host permission for the server is asked right here.
import { useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { normaliseServerUrl } from "../../lib/connection";
import type { Translate } from "../../lib/i18n";
import { ask } from "../send";

export function ConnectForm({ t, onConnected }: { t: Translate; onConnected: () => void }) {
  const [server, setServer] = useState("");
  const [code, setCode] = useState("");
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const serverUrl = normaliseServerUrl(server);
    if (!serverUrl) return setError(t("options.failed", { message: "URL" }));
    // Asked in the click: the server is an optional host permission, granted for this origin only.
    const granted = await browser.permissions
      .request({ origins: [`${new URL(serverUrl).origin}/*`] })
      .catch(() => false);
    if (!granted) return setError(t("options.permissionDenied"));
    const reply = await ask({
      type: "connect",
      serverUrl,
      ...(token.trim() ? { token: token.trim() } : { code: code.trim() }),
    });
    if (reply?.ok) onConnected();
    else setError(t("options.failed", { message: reply?.error ?? "?" }));
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <label>
        {t("options.server")}
        <input
          type="url"
          required
          placeholder="https://tierlens.example.com"
          value={server}
          onInput={(e) => setServer(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("options.code")}
        <input value={code} autocomplete="off" onInput={(e) => setCode(e.currentTarget.value)} />
      </label>
      <p class="muted">{t("options.codeHelp")}</p>
      <label>
        {t("options.token")}
        <input type="password" value={token} autocomplete="off" onInput={(e) => setToken(e.currentTarget.value)} />
      </label>
      <p>
        <button type="submit" class="primary" disabled={!server || (!code && !token)}>
          {t("options.connect")}
        </button>
      </p>
      {error && (
        <p role="alert" class="late">
          {error}
        </p>
      )}
    </form>
  );
}
