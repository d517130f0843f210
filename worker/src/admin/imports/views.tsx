// Import screens: the upload form, the mapping with a preview of the first rows, and the dry-run / import result.
import { IMPORT_TYPES, type ImportResult, type ImportType } from "../../../../shared/contract/import";
import { csvColumns, requiredCsvColumns } from "../../../../shared/contract/import-csv";
import type { Ui } from "../i18n";
import { messageText } from "../lib/validation-text";
import { PostForm, Select } from "../ui/form";
import type { Upload } from "./mapping";

export const typeOptions = (ui: Ui) => IMPORT_TYPES.map((t) => ({ value: t, label: ui.tk(`import.type.${t}`, t) }));

export function UploadForm({ ui, type }: { ui: Ui; type?: ImportType }) {
  return (
    <section class="card" aria-labelledby="up-h">
      <h2 id="up-h">{ui.t("import.upload")}</h2>
      <p class="muted">{ui.t("import.uploadHint")}</p>
      <PostForm ui={ui} action="/admin/import/upload" multipart class="inline-form">
        <Select label={ui.t("import.type")} name="type" value={type ?? "customers"} options={typeOptions(ui)} />
        <div class="field">
          <label for="f-file">{ui.t("import.file")}</label>
          <input id="f-file" type="file" name="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit">{ui.t("import.next")}</button>
      </PostForm>
    </section>
  );
}

export function MappingForm(p: { ui: Ui; type: ImportType; csv: string; upload: Upload; mapping: string[] }) {
  const { ui, type, upload } = p;
  const columns = csvColumns(type);
  const required = new Set(requiredCsvColumns(type));
  const options = columns.map((c) => ({ value: c, label: required.has(c) ? `${c} *` : c }));
  return (
    <section class="card" aria-labelledby="map-h">
      <h2 id="map-h">{ui.t("import.mapping", { type: ui.tk(`import.type.${type}`, type), n: upload.rowCount })}</h2>
      <p class="muted">{ui.t("import.mappingHint")}</p>
      <PostForm ui={ui} action="/admin/import/run">
        <input type="hidden" name="type" value={type} />
        <textarea name="csv" hidden>
          {p.csv}
        </textarea>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                {upload.headers.map((h, i) => (
                  <th scope="col">
                    <label for={`map-${i}`}>{h}</label>
                    <select id={`map-${i}`} name={`map.${i}`}>
                      <option value="">{ui.t("import.skip")}</option>
                      {options.map((o) => (
                        <option value={o.value} selected={p.mapping[i] === o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {upload.sample.map((row) => (
                <tr>
                  {upload.headers.map((_, i) => (
                    <td class="small">{row[i] ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="hint">{ui.t("import.required")}</p>
        <div class="actions">
          <button type="submit" name="intent" value="dry-run" class="secondary">
            {ui.t("import.dryRun")}
          </button>
          <button type="submit" name="intent" value="import">
            {ui.t("import.run")}
          </button>
        </div>
      </PostForm>
    </section>
  );
}

export function ResultPanel({ ui, result, dryRun }: { ui: Ui; result: ImportResult; dryRun: boolean }) {
  const ok = result.errors.length === 0;
  return (
    <section class="card" aria-labelledby="res-h" role="status">
      <h2 id="res-h">{dryRun ? ui.t("import.dryRunResult") : ui.t("import.result")}</h2>
      <div class="kpis">
        <div class="kpi">
          <b>{String(result.created)}</b>
          <span>{dryRun ? ui.t("import.wouldCreate") : ui.t("import.created")}</span>
        </div>
        <div class="kpi">
          <b>{String(result.updated)}</b>
          <span>{dryRun ? ui.t("import.wouldUpdate") : ui.t("import.updated")}</span>
        </div>
        <div class="kpi">
          <b>{String(result.unchanged)}</b>
          <span>{ui.t("import.unchanged")}</span>
        </div>
        <div class="kpi">
          <b>{String(result.errors.length)}</b>
          <span>{ui.t("import.errors")}</span>
        </div>
      </div>
      {ok ? (
        <p>{dryRun ? ui.t("import.cleanDryRun") : ui.t("import.done")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="muted small">{dryRun ? ui.t("import.errorsDry") : ui.t("import.errorsSkipped")}</caption>
            <thead>
              <tr>
                <th class="num">{ui.t("import.row")}</th>
                <th>{ui.t("import.field")}</th>
                <th>{ui.t("import.message")}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e) => (
                <tr class="overdue">
                  <td class="num">{e.row === null || e.row === undefined ? "—" : String(e.row)}</td>
                  <td>
                    <code>{e.field ?? "—"}</code>
                  </td>
                  <td>{messageText(ui.t, e.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
