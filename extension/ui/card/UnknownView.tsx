// Card for a sender who is not a customer yet: "add as prospect" logs the touch with createProspect.
import { useState } from "preact/hooks";
import type { Translate } from "../../lib/i18n";
import { ask } from "../send";
import type { CardParams } from "./Card";

export function UnknownView({ params, t }: { params: CardParams; t: Translate }) {
  const [added, setAdded] = useState(false);
  const add = async () => {
    const reply = await ask({
      type: "log",
      item: {
        email: params.email,
        kind: params.context === "page" ? "note" : "email",
        summary: t("card.prospectSummary", { host: params.host }),
        createProspect: true,
        ...(params.context === "reading" ? { direction: "in" as const } : {}),
        ...(params.name && !params.name.includes("@") ? { contactName: params.name.slice(0, 200) } : {}),
      },
    });
    if (reply) setAdded(true);
  };
  return (
    <div>
      <h1>{params.name || params.email}</h1>
      <p class="muted">{params.email}</p>
      <p>{t("card.unknown")}</p>
      {added ? (
        <p role="status">{t("card.added")}</p>
      ) : (
        <button type="button" class="primary" onClick={() => void add()}>
          {t("card.addProspect")}
        </button>
      )}
    </div>
  );
}
