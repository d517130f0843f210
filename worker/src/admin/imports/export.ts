// CSV downloads for admins: customers (re-importable) and current grades, reusing the API's export service.
import { Hono } from "hono";
import { EXPORT_TYPES, type ExportType } from "../../../../shared/contract/export";
import { requireRoles, requireSession } from "../../middleware/session";
import { exportCustomersCsv, exportGradesCsv } from "../../services/export";
import type { AdminEnv } from "../env";

export const exports = new Hono<AdminEnv>();
exports.use("*", requireSession, requireRoles("admin"));

exports.get("/:file", async (c) => {
  const type = c.req.param("file").replace(/\.csv$/, "") as ExportType;
  if (!EXPORT_TYPES.includes(type)) return c.notFound();
  const csv =
    type === "customers"
      ? await exportCustomersCsv(c.var.db, c.var.caller)
      : await exportGradesCsv(c.var.db, c.var.caller);
  return c.body(csv, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="tierlens-${type}.csv"`,
  });
});
