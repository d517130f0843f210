// The card shown from a chip: loads the lookup result and picks the view (not connected, unknown, restricted, customer).
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { type Translate, translator } from "../../lib/i18n";
import type { CardReply } from "../../lib/messages";
import { ask } from "../send";
import { CustomerView } from "./CustomerView";
import { UnknownView } from "./UnknownView";

export interface CardParams {
  email: string;
  context: string;
  receivedAt: number | null;
  name: string | null;
  host: string;
}

export function readParams(hash: string): CardParams {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const at = Number(p.get("at"));
  return {
    email: p.get("email") ?? "",
    context: p.get("context") ?? "page",
    receivedAt: Number.isFinite(at) && at > 0 ? at : null,
    name: p.get("name"),
    host: p.get("host") ?? "",
  };
}

export function Card({ params }: { params: CardParams }) {
  const [reply, setReply] = useState<CardReply | null>(null);
  useEffect(() => {
    void ask({ type: "card", email: params.email }).then(setReply);
  }, [params.email]);
  const t: Translate = translator(reply?.locale ?? "en");
  if (!reply) return <p class="muted">{t("card.loading")}</p>;
  if (!reply.connected) {
    return (
      <div>
        <p>{t("card.notConnected")}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t("card.connect")}
        </button>
      </div>
    );
  }
  const result = reply.result;
  if (result?.customer) return <CustomerView reply={reply} customer={result.customer} params={params} t={t} />;
  if (result?.match === "restricted") return <p>{t("card.restricted")}</p>;
  return <UnknownView params={params} t={t} />;
}
