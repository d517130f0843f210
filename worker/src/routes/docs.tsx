// GET /docs: a human-readable reference of every route, rendered on the server from the route registry (no assets).
import { Hono } from "hono";
import { jsonSchemaOf, listRoutes, type RouteSpec } from "../../../shared/contract";
import type { AppEnv } from "../env";

export const docsRoutes = new Hono<AppEnv>();

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f4;padding:.75rem;overflow:auto;border-radius:6px}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}section{border-top:1px solid #ddd;padding:.5rem 0}
details summary{cursor:pointer;color:#555}`;

const AUTH: Record<RouteSpec["auth"], string> = {
  token: "Bearer API token",
  operator: "Bearer OPERATOR_TOKEN",
  none: "none",
};

const Schema = (props: { title: string; schema: unknown }) => (
  <details>
    <summary>{props.title}</summary>
    <pre>{JSON.stringify(props.schema, null, 2)}</pre>
  </details>
);

const Route = ({ spec }: { spec: RouteSpec }) => (
  <section id={`${spec.method}-${spec.path}`}>
    <h3>
      <code class="m">{spec.method}</code> <code>/api/v1{spec.path}</code>
    </h3>
    <p>{spec.summary}</p>
    {spec.description && <p>{spec.description}</p>}
    <p>
      Auth: {AUTH[spec.auth]}
      {spec.roles ? ` · roles: ${spec.roles.join(", ")}` : ""}
    </p>
    {spec.query && <Schema title="Query parameters" schema={jsonSchemaOf(spec.query, "input")} />}
    {spec.body && <Schema title="Request body (JSON)" schema={jsonSchemaOf(spec.body, "input")} />}
    {Object.entries(spec.bodyContentTypes ?? {}).map(([type, text]) => (
      <p>
        Also accepts <code>{type}</code>: {text}
      </p>
    ))}
    {Object.entries(spec.responses).map(([status, r]) =>
      r.schema ? (
        <Schema title={`${status}: ${r.description}`} schema={jsonSchemaOf(r.schema, "output")} />
      ) : (
        <p>
          {status}: {r.description}
        </p>
      ),
    )}
  </section>
);

docsRoutes.get("/", (c) =>
  c.html(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Tierlens API reference</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>Tierlens API reference</h1>
        <p>
          JSON over HTTPS under <code>/api/v1</code>, authenticated with{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>. Errors answer{" "}
          <code>{'{"error": {"code", "message", "details": [{"field", "row"?, "message"}]}}'}</code>. Unknown ids and
          ids of another workspace answer 404. The machine-readable document is{" "}
          <a href="/api/v1/openapi.json">openapi.json</a>.
        </p>
        {listRoutes().map((spec) => (
          <Route spec={spec} />
        ))}
      </body>
    </html>,
  ),
);
