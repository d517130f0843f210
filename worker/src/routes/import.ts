// POST /api/v1/import/{type}: bulk upsert of customers, contacts, orders, invoices, opportunities or
// interactions from CSV or JSON (admin only). The response counts rows and names every bad row and field.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { IMPORT_TYPES, type ImportType, importQuerySchema, MAX_IMPORT_BYTES } from "../../../shared/contract/import";
import type { AppEnv } from "../env";
import { ApiError, notFound, parseOr400 } from "../lib/errors";
import { requireRole, requireToken } from "../middleware/auth";
import { importFormat, parseImportBody, runImport } from "../services/import";

export const importRoutes = new Hono<AppEnv>();

const tooLarge = () => {
  throw new ApiError(
    413,
    "payload_too_large",
    `The body is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split the file into several imports.`,
  );
};

importRoutes.post(
  "/:type",
  requireToken,
  requireRole("admin"),
  async (c, next) => {
    if (!(IMPORT_TYPES as readonly string[]).includes(c.req.param("type"))) throw notFound("import type");
    importFormat(c.req.header("Content-Type"));
    await next();
  },
  bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: tooLarge }),
  async (c) => {
    const type = c.req.param("type") as ImportType;
    const format = importFormat(c.req.header("Content-Type"));
    const query = parseOr400(importQuerySchema, c.req.query());
    const raw = parseImportBody(type, format, await c.req.text());
    const dryRun = query.dryRun === "true" || query.dryRun === "1";
    return c.json(await runImport(c.var.db, c.var.caller, type, raw, { dryRun }));
  },
);
