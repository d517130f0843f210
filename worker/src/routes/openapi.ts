// GET /openapi.json: the OpenAPI 3.1 document generated from the contract's zod schemas (public, cached per isolate).
import { Hono } from "hono";
import { buildOpenApiDocument } from "../../../shared/contract";
import type { AppEnv } from "../env";

export const openapiRoutes = new Hono<AppEnv>();

let document: Record<string, unknown> | undefined;

/** Built once per isolate: the registry is fixed after the modules load. */
export function openApiDocument() {
  document ??= buildOpenApiDocument({ title: "Tierlens API", version: "1" });
  return document;
}

openapiRoutes.get("/", (c) => c.json(openApiDocument()));
