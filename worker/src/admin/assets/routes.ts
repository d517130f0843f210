// Serves the stylesheet, script and icon from the worker itself (same origin, so the CSP can stay 'self').
import { Hono } from "hono";
import type { AdminEnv } from "../env";
import { ICON, SCRIPT } from "./script";
import { STYLES } from "./styles";

const CACHE = "public, max-age=3600";

export const assets = new Hono<AdminEnv>();
assets.get("/app.css", (c) =>
  c.body(STYLES, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": CACHE }),
);
assets.get("/app.js", (c) =>
  c.body(SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": CACHE }),
);
assets.get("/icon.svg", (c) => c.body(ICON, 200, { "Content-Type": "image/svg+xml", "Cache-Control": CACHE }));
