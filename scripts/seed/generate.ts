// The demo data for "Demo Trading Co.": a pure, seeded generator of the import payloads (JSON rows in the
// API's camelCase format). Same seed and anchor → the same rows, so re-seeding changes nothing.
import { dayNumber } from "../../shared/dates";
import { makeContacts } from "./contacts";
import { makeCustomers } from "./customers";
import { makeInteractions, makeOpportunities } from "./engagement";
import type { ImportInput } from "./profile";
import { createRandom } from "./random";
import { makeSales } from "./sales";

export const DEMO_WORKSPACE_NAME = "Demo Trading Co.";
export const DEMO_SEED = 20_240_601;

export interface DemoOptions {
  /** The day the data leads up to (`YYYY-MM-DD`): orders span the two years before it. */
  anchorDate: string;
  seed?: number;
  /** How many customers (default 200). */
  customers?: number;
  /** Emails of users who own customers; the last one (the rep) owns most. Unknown owners would be row errors. */
  owners?: readonly string[];
}

/** The rows to import, in dependency order. */
export interface DemoData {
  customers: ImportInput<"customers">[];
  contacts: ImportInput<"contacts">[];
  orders: ImportInput<"orders">[];
  invoices: ImportInput<"invoices">[];
  opportunities: ImportInput<"opportunities">[];
  interactions: ImportInput<"interactions">[];
  /** Notable customers, for tests and the README: who is over its credit limit. */
  notes: { overLimit: string | null };
}

/**
 * Generates the demo workspace's records. Every draw but the interactions' is independent of the anchor, so
 * a later anchor moves the same orders, invoices and opportunities in time (updates, no duplicates); the
 * interactions' ids come from a stream seeded by the anchor too, since an interaction id never changes content.
 * @example
 * generateDemo({ anchorDate: "2026-03-01" }).customers.length // 200
 */
export function generateDemo(options: DemoOptions): DemoData {
  const seed = options.seed ?? DEMO_SEED;
  const anchorDay = dayNumber(options.anchorDate);
  const random = createRandom(seed);
  const profiles = makeCustomers(random.fork("customers"), options.customers ?? 200, options.owners ?? []);
  const contacts = makeContacts(random.fork("contacts"), profiles);
  const sales = makeSales(random.fork("sales"), profiles, anchorDay);
  const opportunities = makeOpportunities(random.fork("opportunities"), profiles, anchorDay);
  const interactions = makeInteractions(random.fork(`interactions ${options.anchorDate}`), profiles, anchorDay);
  return {
    customers: profiles.map((p) => p.row),
    contacts,
    orders: sales.orders,
    invoices: sales.invoices,
    opportunities,
    interactions,
    notes: { overLimit: sales.overLimit },
  };
}
