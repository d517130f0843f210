// The list of extra sites where the generic content script runs; each one asks its permission when added.
import { useEffect, useState } from "preact/hooks";
import { getSettings } from "../../lib/connection";
import type { Translate } from "../../lib/i18n";
import { disableSite, enableSite, originOf } from "../sites";

export function Sites({ t }: { t: Translate }) {
  const [sites, setSites] = useState<string[]>([]);
  const [input, setInput] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reload = () => void getSettings().then((s) => setSites(s.sites));
  useEffect(reload, []);
  const add = async (e: Event) => {
    e.preventDefault();
    const origin = originOf(/^https?:\/\//.test(input) ? input : `https://${input}`);
    if (!origin) return;
    setError((await enableSite(origin)) ? null : t("options.permissionDenied"));
    setInput("");
    reload();
  };
  return (
    <section>
      <h2>{t("options.sites")}</h2>
      <p class="muted">{t("options.sitesHelp")}</p>
      <ul class="plain">
        {sites.map((s) => (
          <li key={s} class="row between">
            <span>{s}</span>
            <button type="button" onClick={() => void disableSite(s).then(reload)}>
              {t("options.remove")}
            </button>
          </li>
        ))}
      </ul>
      <form class="row" onSubmit={(e) => void add(e)}>
        <input placeholder="https://crm.example.com" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
        <button type="submit">{t("options.addSite")}</button>
      </form>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
