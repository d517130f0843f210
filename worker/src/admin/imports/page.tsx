// Import / export (admin): upload a CSV per record type, map its columns, dry run, import; templates; exports; regrade.
import { type Context, Hono } from "hono";
import { EXPORT_TYPES } from "../../../../shared/contract/export";
import { IMPORT_TYPES, type ImportType } from "../../../../shared/contract/import";
import { csvColumns } from "../../../../shared/contract/import-csv";
import { regradeWorkspace } from "../../jobs/regrade";
import { ApiError } from "../../lib/errors";
import { requireRoles, requireSession } from "../../middleware/session";
import { parseImportBody, runImport } from "../../services/import";
import type { AdminEnv } from "../env";
import type { Ui } from "../i18n";
import { messageText } from "../lib/validation-text";
import { todayIn } from "../lib/zoned-time";
import { noticeOf, pageContext, render } from "../render";
import { ErrorSummary, PostForm } from "../ui/form";
import { Page } from "../ui/layout";
import { applyMapping, guessColumn, readUpload } from "./mapping";
import { MappingForm, ResultPanel, UploadForm } from "./views";

/** Bigger files go through the API (POST /api/v1/import/…), which streams them in chunks. */
const MAX_UI_UPLOAD_BYTES = 5 * 1024 * 1024;

const isImportType = (x: unknown): x is ImportType => IMPORT_TYPES.includes(x as ImportType);

function Downloads({ ui }: { ui: Ui }) {
  return (
    <div class="grid two">
      <section class="card" aria-labelledby="tpl-h">
        <h2 id="tpl-h">{ui.t("import.templates")}</h2>
        <ul>
          {IMPORT_TYPES.map((t) => (
            <li>
              <a href={`/admin/import/template/${t}.csv`} download>
                {ui.tk(`import.type.${t}`, t)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="exp-h">
        <h2 id="exp-h">{ui.t("import.export")}</h2>
        <ul>
          {EXPORT_TYPES.map((t) => (
            <li>
              <a href={`/admin/export/${t}.csv`} download>
                {ui.tk(`export.${t}`, t)}
              </a>
            </li>
          ))}
        </ul>
        <h3>{ui.t("import.regrade")}</h3>
        <p class="muted">{ui.t("import.regradeHint")}</p>
        <PostForm ui={ui} action="/admin/import/regrade">
          <button type="submit" class="secondary">
            {ui.t("import.regradeButton")}
          </button>
        </PostForm>
      </section>
    </div>
  );
}

function ImportPage(p: { c: Context<AdminEnv>; errors?: string[]; children?: unknown; type?: ImportType }) {
  const { ui, caller } = pageContext(p.c);
  return (
    <Page ui={ui} title={ui.t("nav.import")} caller={caller} notice={noticeOf(p.c, ui)} wide>
      <ErrorSummary ui={ui} errors={p.errors ?? []} />
      {p.children as never}
      <UploadForm ui={ui} type={p.type} />
      <Downloads ui={ui} />
    </Page>
  );
}

export const imports = new Hono<AdminEnv>();
imports.use("*", requireSession, requireRoles("admin"));

imports.get("/", (c) => render(c, <ImportPage c={c} />));

imports.post("/upload", async (c) => {
  const { ui } = pageContext(c);
  const body = await c.req.parseBody();
  const type = isImportType(body.type) ? body.type : "customers";
  const file = body.file;
  if (!(file instanceof File) || file.size === 0)
    return render(c, <ImportPage c={c} errors={[ui.t("import.noFile")]} type={type} />, 400);
  if (file.size > MAX_UI_UPLOAD_BYTES)
    return render(c, <ImportPage c={c} errors={[ui.t("import.tooBig")]} type={type} />, 413);
  const csv = await file.text();
  const upload = readUpload(csv);
  const mapping = upload.headers.map((h) => guessColumn(type, h));
  return render(
    c,
    <ImportPage c={c} type={type}>
      <MappingForm ui={ui} type={type} csv={csv} upload={upload} mapping={mapping} />
    </ImportPage>,
  );
});

imports.post("/run", async (c) => {
  const { ui, caller } = pageContext(c);
  const body = await c.req.parseBody();
  const type = isImportType(body.type) ? body.type : null;
  const csv = typeof body.csv === "string" ? body.csv : "";
  if (!type || !csv) return c.redirect("/admin/import", 303);
  const upload = readUpload(csv);
  const mapping = upload.headers.map((_, i) => {
    const v = body[`map.${i}`];
    return typeof v === "string" && csvColumns(type).includes(v) ? v : "";
  });
  const dryRun = body.intent !== "import";
  const form = <MappingForm ui={ui} type={type} csv={csv} upload={upload} mapping={mapping} />;
  try {
    const raw = parseImportBody(type, "csv", applyMapping(csv, mapping));
    const result = await runImport(c.var.db, caller, type, raw, { dryRun });
    return render(
      c,
      <ImportPage c={c} type={type}>
        <ResultPanel ui={ui} result={result} dryRun={dryRun} />
        {dryRun || result.errors.length ? form : null}
      </ImportPage>,
    );
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    const text = (m: string) => messageText(ui.t, m);
    const errors = [
      text(err.message),
      ...err.details.map((d) => (d.field ? `${d.field}: ${text(d.message)}` : text(d.message))),
    ];
    return render(
      c,
      <ImportPage c={c} type={type} errors={errors}>
        {form}
      </ImportPage>,
      400,
    );
  }
});

imports.get("/template/:file", (c) => {
  const type = c.req.param("file").replace(/\.csv$/, "");
  if (!isImportType(type)) return c.notFound();
  return c.body(`${csvColumns(type).join(",")}\n`, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="tierlens-${type}-template.csv"`,
  });
});

imports.post("/regrade", async (c) => {
  const result = await regradeWorkspace(
    c.var.db,
    c.var.caller.workspaceId,
    todayIn(c.var.session?.timeZone ?? "Asia/Shanghai"),
  );
  return c.redirect(`/admin/import?notice=regraded&n=${result.graded}&m=${result.changed}`, 303);
});
