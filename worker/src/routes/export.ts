// GET /api/v1/export/{customers|grades}: CSV downloads of what the caller may see (every role).
import { Hono } from "hono";
import { EXPORT_TYPES, type ExportType } from "../../../shared/contract/export";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { requireToken } from "../middleware/auth";
import { exportCustomersCsv, exportGradesCsv } from "../services/export";

export const exportRoutes = new Hono<AppEnv>();

exportRoutes.get("/:type", requireToken, async (c) => {
  const type = c.req.param("type") as ExportType;
  if (!EXPORT_TYPES.includes(type)) throw notFound("export");
  const { db, caller } = c.var;
  const csv = type === "customers" ? await exportCustomersCsv(db, caller) : await exportGradesCsv(db, caller);
  const filename = `${type}-${new Date().toISOString().slice(0, 10)}.csv`;
  return c.body(csv, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  });
});
