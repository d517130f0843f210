// Customers: GET /customers (filtered page), GET /customers/{id} (detail with grade), PATCH /customers/{id}.
import { Hono } from "hono";
import { customerListQuerySchema, updateCustomerRequestSchema } from "../../../shared/contract";
import type { AppEnv } from "../env";
import { parseOr400, readJson } from "../lib/errors";
import { requireToken } from "../middleware/auth";
import { getCustomerDetail } from "../services/customer-detail";
import { listCustomers } from "../services/customer-list";
import { updateCustomer } from "../services/customer-update";

export const customersRoutes = new Hono<AppEnv>();

customersRoutes.use(requireToken);

customersRoutes.get("/", async (c) => {
  const query = parseOr400(customerListQuerySchema, c.req.query());
  const { items, nextCursor } = await listCustomers(c.var.db, c.var.caller, query);
  return c.json({ items, nextCursor });
});

customersRoutes.get("/:id", async (c) => c.json(await getCustomerDetail(c.var.db, c.var.caller, c.req.param("id"))));

customersRoutes.patch("/:id", async (c) => {
  const patch = parseOr400(updateCustomerRequestSchema, await readJson(c));
  return c.json({ customer: await updateCustomer(c.var.db, c.var.caller, c.req.param("id"), patch) });
});
