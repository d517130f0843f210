// The route registry and the OpenAPI 3.1 document built from it: registering a route is one `registerRoute` call.
import { z } from "zod";
import { errorResponseSchema, type Role } from "./common";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface RouteResponse {
  description: string;
  /** JSON body; omit for bodiless answers (204, 304). */
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RouteSpec {
  method: HttpMethod;
  /** Under /api/v1, with `{param}` placeholders: `/customers/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** `token`: a Bearer API token; `operator`: the OPERATOR_TOKEN; `none`: public. */
  auth: "token" | "operator" | "none";
  /** Roles allowed (all when omitted). */
  roles?: readonly Role[];
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Extra request content types (e.g. text/csv) described in words. */
  bodyContentTypes?: Record<string, string>;
  responses: Record<number, RouteResponse>;
}

const routes: RouteSpec[] = [];

/** Adds a route to the document and the reference page; returns it unchanged. */
export function registerRoute(spec: RouteSpec): RouteSpec {
  routes.push(spec);
  return spec;
}

/** Every registered route, sorted by path then method. */
export function listRoutes(): readonly RouteSpec[] {
  return [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) for one side of a schema. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

const errorStatuses: Record<number, string> = {
  400: "The request is not valid; `details` name each bad field.",
  401: "Missing, unknown or revoked credentials.",
  403: "The caller's role does not allow this.",
  404: "No such resource in the caller's workspace.",
};

function operationOf(spec: RouteSpec): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const content = r.schema
      ? { [r.contentType ?? "application/json"]: { schema: jsonSchemaOf(r.schema, "output") } }
      : undefined;
    const headers = r.headers
      ? Object.fromEntries(
          Object.entries(r.headers).map(([k, d]) => [k, { description: d, schema: { type: "string" } }]),
        )
      : undefined;
    responses[status] = { description: r.description, ...(content && { content }), ...(headers && { headers }) };
  }
  const errors = spec.auth === "none" ? [400] : spec.roles ? [400, 401, 403] : [400, 401];
  if (spec.path.includes("{")) errors.push(404);
  for (const status of errors) {
    responses[status] ??= {
      description: errorStatuses[status],
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  const params = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (spec.query) {
    const q = jsonSchemaOf(spec.query, "input") as { properties?: Json; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      params.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema } as never);
    }
  }
  const content: Json = {};
  if (spec.body) content["application/json"] = { schema: jsonSchemaOf(spec.body, "input") };
  for (const [type, description] of Object.entries(spec.bodyContentTypes ?? {}))
    content[type] = { schema: { type: "string", description } };
  const roles = spec.roles ? `\n\nRoles: ${spec.roles.join(", ")}.` : "";
  return {
    summary: spec.summary,
    ...(spec.description || roles ? { description: `${spec.description ?? ""}${roles}`.trim() } : {}),
    tags: [spec.tag],
    operationId: `${spec.method}${spec.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string) => (c ?? "").toUpperCase())}`,
    security: spec.auth === "none" ? [] : [{ [spec.auth === "operator" ? "operatorToken" : "apiToken"]: [] }],
    ...(params.length ? { parameters: params } : {}),
    ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
    responses,
  };
}

/** The whole OpenAPI 3.1 document of every registered route. */
export function buildOpenApiDocument(info: { title: string; version: string; serverUrl?: string }): Json {
  const paths: Record<string, Json> = {};
  for (const spec of listRoutes()) {
    paths[spec.path] = { ...paths[spec.path], [spec.method]: operationOf(spec) };
  }
  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version },
    servers: [{ url: info.serverUrl ?? "/api/v1" }],
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(errorResponseSchema, "output") },
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token of a user (from pairing or POST /tokens).",
        },
        operatorToken: { type: "http", scheme: "bearer", description: "The operator secret OPERATOR_TOKEN." },
      },
    },
  };
}
