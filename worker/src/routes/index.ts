// The /api/v1 router: one module per resource, mounted here (the meta-test checks every module is mounted).
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { customersRoutes } from "./customers";
import { exportRoutes } from "./export";
import { importRoutes } from "./import";
import { interactionsRoutes } from "./interactions";
import { lookupRoutes } from "./lookup";
import { meRoutes } from "./me";
import { pairingRoutes } from "./pairing";
import { regradeRoutes } from "./regrade";
import { tokensRoutes } from "./tokens";
import { usersRoutes } from "./users";
import { workspacesRoutes } from "./workspaces";

export const api = new Hono<AppEnv>();
api.route("/workspaces", workspacesRoutes);
api.route("/", pairingRoutes);
api.route("/me", meRoutes);
api.route("/users", usersRoutes);
api.route("/tokens", tokensRoutes);
api.route("/import", importRoutes);
api.route("/customers", customersRoutes);
api.route("/lookup", lookupRoutes);
api.route("/regrade", regradeRoutes);
api.route("/export", exportRoutes);
api.route("/interactions", interactionsRoutes);
