// The preview panel: tier distribution now vs under the draft, and the customers who would move.
import { TIERS } from "../../../../shared/grade/types";
import type { Ui } from "../i18n";
import { TierBadge } from "../ui/badges";
import type { Preview } from "./preview";

function Distribution({ ui, preview }: { ui: Ui; preview: Preview }) {
  const W = 520;
  const rowH = 44;
  const labelW = 60;
  const max = Math.max(1, ...TIERS.flatMap((t) => [preview.now[t], preview.draft[t]]));
  const span = W - labelW - 60;
  const summary = TIERS.map((t) => `${t}: ${preview.now[t]} → ${preview.draft[t]}`).join(", ");
  return (
    <figure>
      <svg
        class="chart"
        viewBox={`0 0 ${W} ${TIERS.length * rowH + 4}`}
        role="img"
        aria-label={`${ui.t("scoring.distribution")}: ${summary}`}
      >
        {TIERS.map((t, i) => {
          const y = i * rowH + 4;
          const now = (preview.now[t] / max) * span;
          const draft = (preview.draft[t] / max) * span;
          return (
            <g>
              <text x={labelW - 10} y={y + rowH / 2 + 2} text-anchor="end" font-weight="700">
                {t}
              </text>
              <rect x={labelW} y={y + 4} width={Math.max(now, 1)} height={15} rx={3} fill="#9aa5b4" />
              <text x={labelW + Math.max(now, 1) + 6} y={y + 16} class="muted-text">
                {String(preview.now[t])}
              </text>
              <rect x={labelW} y={y + 21} width={Math.max(draft, 1)} height={15} rx={3} fill="#3a5bd9" />
              <text x={labelW + Math.max(draft, 1) + 6} y={y + 33}>
                {String(preview.draft[t])}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        <li>
          <span class="swatch sw-now" />
          {ui.t("scoring.now")}
        </li>
        <li>
          <span class="swatch sw-draft" />
          {ui.t("scoring.draft")}
        </li>
      </ul>
    </figure>
  );
}

export function PreviewPanel({ ui, preview }: { ui: Ui; preview: Preview }) {
  return (
    <section class="card" aria-labelledby="preview-h" id="preview">
      <h2 id="preview-h">{ui.t("scoring.preview")}</h2>
      <p class="muted">{ui.t("scoring.previewAsOf", { date: ui.date(preview.asOf), n: preview.moverCount })}</p>
      <div class="grid two">
        <div>
          <h3>{ui.t("scoring.distribution")}</h3>
          <Distribution ui={ui} preview={preview} />
        </div>
        <div>
          <h3>{ui.t("scoring.movers")}</h3>
          {preview.movers.length === 0 ? (
            <p class="empty">{ui.t("scoring.noMovers")}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{ui.t("customers.name")}</th>
                    <th>{ui.t("scoring.now")}</th>
                    <th>{ui.t("scoring.draft")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.movers.map((m) => (
                    <tr>
                      <td>
                        <a href={`/admin/customers/${encodeURIComponent(m.id)}`}>{m.name}</a>
                      </td>
                      <td>
                        <TierBadge ui={ui} tier={m.fromTier} />{" "}
                        <span class="small muted">{ui.number(m.fromScore, 1)}</span>
                      </td>
                      <td>
                        <TierBadge ui={ui} tier={m.toTier} /> <span class="small muted">{ui.number(m.toScore, 1)}</span>{" "}
                        <span class={m.toTier < m.fromTier ? "moved-up" : "moved-down"}>
                          {m.toTier < m.fromTier ? "▲" : "▼"}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
