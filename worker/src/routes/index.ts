// The /api/v1 router: one module per resource, mounted here (the meta-test checks every module is mounted).
import { Hono } from "hono";
import type { AppEnv } from "../env";

export const api = new Hono<AppEnv>();
