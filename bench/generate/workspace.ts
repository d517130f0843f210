// Generates a realistic workspace customer by customer, deterministically from (seed, customer index),
// so any slice can be generated on its own (the loader works in chunks) and the probes can find known rows.
import { mixSeed, Rng } from "./prng";
import { COLUMNS, type Row, type RowsByTable, TABLE_NAMES } from "./tables";

/** Shared settings of every benchmark workspace. */
export const BENCH = {
  reps: 20,
  /** Every date is relative to this day; regrades run `asOf` it, so results do not drift with the calendar. */
  refDate: "2026-06-30",
  seed: 20260630,
} as const;

export const SIZES = { "1k": 1_000, "10k": 10_000, "100k": 100_000 } as const;
export type SizeLabel = keyof typeof SIZES;

/** One generated workspace: its size and fixed identities (the token is only ever sent to 127.0.0.1). */
export interface BenchWorkspace {
  label: SizeLabel;
  customers: number;
  /** 1..9: keeps every id unique when several sizes share one database. */
  tag: number;
  workspaceId: string;
  adminId: string;
  adminEmail: string;
  token: string;
}

export function benchWorkspace(label: SizeLabel): BenchWorkspace {
  const tag = { "1k": 1, "10k": 2, "100k": 3 }[label];
  return {
    label,
    customers: SIZES[label],
    tag,
    workspaceId: uuid(9, tag, 0),
    adminId: uuid(9, tag, 0xa1),
    adminEmail: `admin.${label}@bench.tierlens.test`,
    token: `tl_bench_${label}_local_only_0123456789abcdefghijklmnop`,
  };
}

const DAY_MS = 86_400_000;
const REF_DAY = Date.parse(`${BENCH.refDate}T00:00:00Z`) / DAY_MS;

const FIRST = [
  "wei",
  "fang",
  "min",
  "jing",
  "li",
  "qiang",
  "lei",
  "yan",
  "anna",
  "tom",
  "maria",
  "james",
  "chen",
  "yu",
];
const LAST = ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "smith", "jones", "garcia", "mueller"];
const WORDS = ["jade", "river", "summit", "harbor", "north", "golden", "bright", "union", "orient", "pioneer", "delta"];
const SUFFIX = ["Trading", "Technology", "Manufacturing", "Logistics", "Holdings", "Foods", "Medical", "Energy"];
const INDUSTRIES = ["manufacturing", "retail", "logistics", "healthcare", "energy", "software", "construction", "food"];
const REGIONS = ["east", "north", "south", "west", "central", "overseas"];
const PRODUCTS = ["P-100", "P-200", "P-300", "S-10", "S-20", "X-1", "X-2", "M-50"];
const FREE_MAIL = ["qq.com", "163.com", "126.com", "gmail.com", "outlook.com"];
const ROLES = ["initiator", "influencer", "gatekeeper", "decider", "buyer", "user"] as const;

export function userId(ws: BenchWorkspace, rep: number): string {
  return uuid(9, ws.tag, 0xb00 + rep);
}

export function repEmail(ws: BenchWorkspace, rep: number): string {
  return `rep${rep}.${ws.label}@bench.tierlens.test`;
}

/** A UUID-shaped id: kind digit, workspace tag, 12-hex-digit counter. */
function uuid(kind: number, tag: number, n: number): string {
  return `b${kind}000000-000${tag}-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

export function customerId(ws: BenchWorkspace, i: number): string {
  return uuid(0, ws.tag, i);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoTime(day: number, rng: Rng): string {
  return new Date(day * DAY_MS + rng.int(8 * 3600, 19 * 3600) * 1000).toISOString();
}

/**
 * External ids are zero-padded so they sort in insertion order: the unique (workspace_id, external_id) indexes
 * then grow at their right edge instead of splitting pages all over, which makes the bulk load several times faster.
 */
export function customerExternalId(i: number): string {
  return `C${String(i).padStart(6, "0")}`;
}

function seq(i: number, k: number): string {
  return `${String(i).padStart(6, "0")}-${String(k).padStart(4, "0")}`;
}

export function customerDomain(i: number): string {
  const rng = new Rng(mixSeed(7, i));
  return `${rng.pick(WORDS)}${rng.pick(WORDS)}-${i.toString(36)}.com.cn`;
}

export function emptyRows(): RowsByTable {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as RowsByTable;
}

/** Appends every row of customer `i` to `out` (the content depends on seed and i only, not on the workspace). */
export function generateCustomer(ws: BenchWorkspace, seed: number, i: number, out: RowsByTable): void {
  const rng = new Rng(mixSeed(seed, i));
  const id = customerId(ws, i);
  const kind = rng.weighted([
    ["enterprise", 80],
    ["intermediary", 8],
    ["nonprofit", 4],
    ["individual", 8],
  ] as const);
  const stage = rng.weighted([
    ["signed", 55],
    ["qualified", 25],
    ["prospect", 8],
    ["target", 4],
    ["target_market", 2],
    ["lost", 6],
  ] as const);
  const buyer = stage === "signed" || stage === "qualified" || stage === "lost";
  const size = rng.logNormal(1, 1); // how big this customer is: scales order amounts
  const owner = rng.chance(0.9) ? userId(ws, rng.int(0, BENCH.reps - 1)) : null;
  const name = `${cap(rng.pick(WORDS))} ${cap(rng.pick(WORDS))} ${rng.pick(SUFFIX)} ${i}`;
  const createdDay = REF_DAY - rng.int(30, 2000);
  out.customers.push([
    id,
    customerExternalId(i),
    name,
    kind,
    rng.pick(["government", "soe", "listed", "private", "private", "private", "foreign", "other"]),
    rng.pick(INDUSTRIES),
    rng.pick(REGIONS),
    owner,
    stage,
    rng.chance(0.7) ? 1 : 0,
    rng.chance(0.6) ? Math.round(size * 50_000) * 100 : null,
    rng.chance(0.4) ? Math.round(size * 200_000) * 100 : null,
    "{}",
    "{}",
    new Date(createdDay * DAY_MS).toISOString(),
  ]);

  const domain = kind !== "individual" && rng.chance(0.9) ? customerDomain(i) : null;
  if (domain) out.customer_domains.push([domain, id]);

  const contactCount = 1 + rng.int(0, 3);
  for (let k = 0; k < contactCount; k++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const email =
      domain && rng.chance(0.8)
        ? `${first}.${last}${k}@${domain}`
        : `${first}${last}.${i.toString(36)}.${k}@${rng.pick(FREE_MAIL)}`;
    const cid = uuid(1, ws.tag, i * 8 + k);
    out.contacts.push([
      cid,
      id,
      `${cap(first)} ${cap(last)}`,
      email,
      `+86 138 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`,
      rng.pick(ROLES),
    ]);
  }

  // Orders: none for prospects; a log-normal count with mean ≈ 11.4 for buyers (≈ 10 over all customers), capped.
  const orderCount = buyer ? Math.min(2000, Math.max(1, Math.round(rng.logNormal(11.4, 1.1)))) : 0;
  const churned = stage === "lost" || rng.chance(0.08);
  const lastDay = churned ? REF_DAY - rng.int(200, 700) : REF_DAY - rng.int(0, 60);
  const firstDay = Math.max(createdDay, lastDay - rng.int(60, 1100));
  const latePayer = rng.chance(0.15);
  for (let k = 0; k < orderCount; k++) {
    const day = k === 0 ? lastDay : rng.int(Math.min(firstDay, lastDay), lastDay);
    const amount = Math.max(100, Math.round(size * rng.logNormal(800, 0.8)) * 100);
    const cost = Math.round(amount * (0.55 + rng.next() * 0.35));
    const ext = `O${seq(i, k)}`;
    out.orders.push([ext, id, isoDay(day), amount, cost, rng.pick(PRODUCTS), rng.int(1, 50)]);
    if (day > REF_DAY - 400 && rng.chance(0.6)) {
      const due = day + 30;
      const paid = due > REF_DAY ? rng.chance(0.3) : rng.chance(latePayer ? 0.6 : 0.97);
      const paidDay = paid ? Math.min(REF_DAY, due + (latePayer ? rng.int(-5, 90) : rng.int(-20, 5))) : null;
      out.invoices.push([
        `I${seq(i, k)}`,
        id,
        ext,
        isoDay(due),
        amount,
        paidDay === null ? null : isoDay(paidDay),
        paidDay === null ? null : rng.chance(0.95) ? amount : Math.round(amount / 2),
      ]);
    }
  }

  const interactionCount = Math.min(400, Math.round(rng.logNormal(buyer ? 6 : 2, 1)));
  for (let k = 0; k < interactionCount; k++) {
    const kind = rng.weighted([
      ["email", 50],
      ["call", 20],
      ["wechat", 15],
      ["meeting", 8],
      ["visit", 5],
      ["note", 2],
    ] as const);
    const direction = kind === "email" ? (rng.chance(0.5) ? "in" : "out") : null;
    out.interactions.push([
      uuid(3, ws.tag, i * 512 + k),
      id,
      owner,
      kind,
      direction,
      isoTime(REF_DAY - rng.int(0, 730), rng),
      `${kind} about ${rng.pick(PRODUCTS)}`,
    ]);
  }

  const oppCount = rng.chance(0.4) ? rng.int(1, 3) : 0;
  for (let k = 0; k < oppCount; k++) {
    const oppStage = rng.pick(["first_contact", "needs_understood", "proposal", "negotiation", "won", "paid", "lost"]);
    const changed = REF_DAY - rng.int(0, 120);
    out.opportunities.push([
      uuid(2, ws.tag, i * 4 + k),
      `Q${seq(i, k)}`,
      id,
      owner,
      `${rng.pick(PRODUCTS)} for ${name}`,
      oppStage,
      Math.round(size * rng.logNormal(20_000, 0.7)) * 100,
      isoDay(changed + rng.int(10, 120)),
      rng.chance(0.2) ? rng.int(5, 95) : null,
      isoTime(changed, rng),
    ]);
  }
}

/** All rows of customers [from, to). */
export function generateSlice(ws: BenchWorkspace, seed: number, from: number, to: number): RowsByTable {
  const out = emptyRows();
  for (let i = from; i < to; i++) generateCustomer(ws, seed, i, out);
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type { Row };
export { COLUMNS };
