// One drizzle client per request over the D1 binding.
import { drizzle } from "drizzle-orm/d1";
import type { Db, Env } from "../env";
import * as schema from "./schema";

export function getDb(env: Env): Db {
  return drizzle(env.DB, { schema });
}
