// Composes the Worker: the JSON API under /api/v1, the admin UI, and the daily scheduled regrade.
import { Hono } from "hono";
import { admin } from "./admin";
import { getDb } from "./db/client";
import type { AppEnv, Env } from "./env";
import { regradeAll, todayUtc } from "./jobs/regrade";
import { onError } from "./lib/errors";
import { api } from "./routes";

const app = new Hono<AppEnv>();

app.use("*", async (c, next) => {
  c.set("db", getDb(c.env));
  await next();
});
app.onError(onError);
app.notFound((c) => c.json({ error: { code: "not_found", message: "No such route.", details: [] } }, 404));

app.get("/health", (c) => c.json({ ok: true }));
app.route("/api/v1", api);
app.get("/", (c) => c.redirect("/admin", 302));
app.route("/", admin);

export { app };

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    // The daily regrade of every workspace as of the trigger's day in UTC; failures are logged per workspace.
    ctx.waitUntil(regradeAll(env, todayUtc(new Date(controller.scheduledTime))).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
