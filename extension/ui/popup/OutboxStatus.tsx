// Outbox state in the popup: pending count and items the server refused (with the reason), retry or dismiss.
import type { Translate } from "../../lib/i18n";
import type { StatusReply } from "../../lib/messages";
import { ask } from "../send";

export function OutboxStatus({ status, t, refresh }: { status: StatusReply; t: Translate; refresh: () => void }) {
  const act = async (type: "retryFailed" | "dismissFailed", id: string) => {
    await ask({ type, id });
    refresh();
  };
  return (
    <div>
      {status.pending > 0 && <p data-testid="pending">{t("popup.pending", { count: status.pending })}</p>}
      {status.undos > 0 && <p data-testid="undos">{t("popup.undosPending", { count: status.undos })}</p>}
      {status.failed.length > 0 && (
        <>
          <h2>{t("popup.failed")}</h2>
          <ul class="plain">
            {status.failed.map((f) => (
              <li key={f.id}>
                <div>{f.summary}</div>
                <div class="muted">
                  {f.email ?? ""} · {f.status} {f.reason}
                </div>
                <div class="row">
                  <button type="button" onClick={() => void act("retryFailed", f.id)}>
                    {t("popup.retry")}
                  </button>
                  <button type="button" onClick={() => void act("dismissFailed", f.id)}>
                    {t("popup.dismiss")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
