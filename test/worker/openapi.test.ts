// The OpenAPI document and the reference page describe every route the worker serves under /api/v1.
import { describe, expect, it } from "vitest";
import { app } from "../../worker/src/index";
import { call } from "./helpers";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, unknown>; requestBody?: unknown; security: unknown[] }>
  >;
};

/** Every method + path of the Hono app under /api/v1, in OpenAPI spelling (`{id}`). */
const served = () =>
  [
    ...new Set(
      app.routes
        .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL" && !r.path.endsWith("*"))
        .map(
          (r) =>
            `${r.method.toLowerCase()} ${r.path
              .slice("/api/v1".length)
              .replace(/:(\w+)/g, "{$1}")
              .replace(/\/$/, "")}`,
        ),
    ),
  ].filter((r) => !r.endsWith("/openapi.json") && !r.endsWith("/docs"));

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document listing every served route with its responses", async () => {
    const res = await call(null, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    const routes = served();
    expect(routes.length).toBeGreaterThan(15);
    // A served `/import/{type}` is described by its concrete paths (`/import/customers`, …) or by the template.
    for (const route of routes) {
      const pattern = new RegExp(`^${route.replace(/\{\w+\}/g, "[^/]+")}$`);
      expect(
        documented.some((d) => d === route || pattern.test(d)),
        route,
      ).toBe(true);
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
  });

  it("describes request bodies and the error shape from the zod schemas", async () => {
    const doc = (await (await call(null, "GET", "/api/v1/openapi.json")).json()) as Doc & {
      components: { schemas: Record<string, unknown> };
    };
    const lookup = doc.paths["/lookup"]?.post as unknown as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, { maxItems?: number }> } }> };
    };
    expect(lookup.requestBody.content["application/json"]?.schema.properties.emails?.maxItems).toBe(50);
    expect(doc.paths["/pair"]?.post?.security).toEqual([]);
    expect(doc.paths["/customers/{id}"]?.get?.responses).toHaveProperty("404");
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: expect.anything() } });
  });
});

describe("GET /docs", () => {
  it("renders a self-contained, escaped HTML reference of every route", async () => {
    const res = await call(null, "GET", "/api/v1/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    const html = await res.text();
    for (const path of ["/lookup", "/customers/{id}", "/interactions/batch", "/pair", "/users/{id}", "/regrade"]) {
      expect(html).toContain(`<code>/api/v1${path}</code>`);
    }
    expect(html).toContain("Bearer &lt;token&gt;");
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});
