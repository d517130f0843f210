// Benchmark of the pure scoring engine: seeded in-memory workspaces at several sizes, time and memory of gradeWorkspace.
// Run: npx tsx bench/engine.ts [--customers 100000] [--cold]   (default sizes 1k, 10k, 100k; --cold: no warm-up grading first).
// Target: 100k under 2 s and 1 GB.
// With `node --expose-gc --import tsx bench/engine.ts` the heap is collected before each timing, for steadier figures.
import { pathToFileURL } from "node:url";
import { defaultConfig } from "../shared/config";
import { type GradeInput, gradeWorkspace } from "../shared/grade";
import {
  CUSTOMER_NATURES,
  type CustomerRecord,
  DECISION_ROLES,
  INTERACTION_KINDS,
  type InvoiceRecord,
  OPPORTUNITY_STAGES,
  type OrderRecord,
} from "../shared/records";

const ASOF = "2026-03-01";
const DAY = 86_400_000;

/** mulberry32: small, fast, seeded; the same seed gives the same workspace. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per customer: 10 orders (heavy-tailed across customers), 3 invoices, 2 interactions, 1.5 contacts, 0.2 opportunities. */
export function generateWorkspace(customers: number, seed = 42): GradeInput {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const asOfMs = Date.parse(`${ASOF}T00:00:00Z`);
  // Two years of dates, shared strings as a database driver would hand out per row anyway.
  const dates = Array.from({ length: 800 }, (_, i) => new Date(asOfMs - i * DAY).toISOString().slice(0, 10));
  const date = (maxDaysAgo: number) => dates[Math.floor(rand() * maxDaysAgo)] as string;
  const ids = Array.from({ length: customers }, (_, i) => `c${String(i).padStart(7, "0")}`);
  // Heavy tail: u^3 puts most orders on the first customers (about 20 % of customers hold 60 % of orders).
  const who = () => ids[Math.floor(customers * rand() ** 3)] as string;

  const customerRows: CustomerRecord[] = ids.map((id, i) => ({
    id,
    name: `Customer ${i}`,
    kind: i % 10 === 0 ? "individual" : "enterprise",
    nature: pick(CUSTOMER_NATURES),
    industry: `industry-${i % 12}`,
    region: null,
    ownerId: `u${i % 50}`,
    lifecycleStage: i % 7 === 0 ? "prospect" : "signed",
    legalVerified: i % 5 !== 0,
    creditLimit: i % 3 === 0 ? 5_000_000 : null,
    wallet: i % 4 === 0 ? 50_000_000 : null,
    serviceCost: null,
    ratings: {},
    attributes: {},
  }));
  const orders: OrderRecord[] = Array.from({ length: customers * 10 }, () => {
    const amount = Math.round(1000 + rand() ** 2 * 2_000_000);
    return {
      customerId: who(),
      date: date(730),
      amount,
      cost: Math.round(amount * (0.5 + rand() * 0.45)),
      product: `p${Math.floor(rand() * 40)}`,
      quantity: 1,
    };
  });
  const invoices: InvoiceRecord[] = Array.from({ length: customers * 3 }, () => {
    const due = Math.floor(rand() * 400) - 30;
    // Most invoices are paid on time, some a little late, a few very late or never.
    const late = rand() < 0.85 ? 0 : rand() < 0.8 ? Math.floor(rand() * 15) : Math.floor(rand() * 120);
    const paid = due - late >= 0 && rand() < 0.97 ? (dates[due - late] as string) : null;
    const amount = Math.round(1000 + rand() * 500_000);
    return {
      customerId: who(),
      dueDate: new Date(asOfMs - due * DAY).toISOString().slice(0, 10),
      amount,
      paidDate: paid,
      paidAmount: paid ? amount : null,
    };
  });
  const contacts = Array.from({ length: Math.floor(customers * 1.5) }, (_, i) => ({
    id: `k${i}`,
    customerId: ids[i % customers] as string,
    name: `Contact ${i}`,
    email: null,
    role: pick(DECISION_ROLES),
  }));
  const interactions = Array.from({ length: customers * 2 }, (_, i) => ({
    id: `i${i}`,
    customerId: who(),
    kind: pick(INTERACTION_KINDS),
    direction: rand() < 0.4 ? ("in" as const) : ("out" as const),
    occurredAt: `${date(200)}T0${Math.floor(rand() * 10)}:00:00Z`,
    contactId: rand() < 0.3 ? `k${Math.floor(rand() * contacts.length)}` : null,
  }));
  const opportunities = Array.from({ length: Math.floor(customers * 0.2) }, (_, i) => ({
    id: `o${i}`,
    customerId: who(),
    name: `Deal ${i}`,
    stage: pick(OPPORTUNITY_STAGES),
    amount: Math.round(rand() * 5_000_000),
    expectedClose: new Date(asOfMs + Math.floor(rand() * 180) * DAY).toISOString().slice(0, 10),
    probability: null,
    stageChangedAt: date(60),
  }));
  return {
    customers: customerRows,
    contacts,
    orders,
    invoices,
    interactions,
    opportunities,
    config: defaultConfig(),
    configVersion: 1,
    asOf: ASOF,
  };
}

export interface EngineBenchRun {
  customers: number;
  orders: number;
  invoices: number;
  interactions: number;
  opportunities: number;
  generateMs: number;
  /** Wall time of gradeWorkspace alone. */
  gradeMs: number;
  /** CPU time (user + system) of the process during gradeWorkspace: steadier than wall time on a shared machine. */
  gradeCpuMs: number;
  /** The reference group-by of the same orders (see `referenceGroupBy`), timed just before grading. */
  referenceMs: number;
  /** Resident memory with the generated records in place, just before grading. */
  rssBeforeMB: number;
  /** Peak resident memory of the process so far (OS high-water mark, includes the generated records). */
  peakRssMB: number;
  /** Resident memory and heap sampled right after grading, with the input and the result alive. */
  rssAfterMB: number;
  heapUsedAfterMB: number;
  /** Heap growth caused by grading (result plus garbage not yet collected). */
  heapDeltaMB: number;
  /** gradeMs ÷ gradeMs of the previous size, and the size ratio it covers (10 for 1k → 10k). */
  growth: { sizeRatio: number; timeRatio: number } | null;
  tierCounts: Record<string, number>;
  /** Whether one small workspace was graded first in this process (JIT warm-up), and how long that took. */
  warmup: { customers: number; ms: number } | null;
}

/**
 * A fixed reference workload on the same records: group the orders by customer in a Map, sum, sort.
 * On a shared machine, gradeMs ÷ referenceMs says more than gradeMs alone.
 */
function referenceGroupBy(input: GradeInput): number {
  const t = performance.now();
  const totals = new Map<string, number>();
  for (const o of input.orders) totals.set(o.customerId, (totals.get(o.customerId) ?? 0) + o.amount);
  [...totals.entries()].sort((a, b) => b[1] - a[1]);
  return performance.now() - t;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Generates and grades a workspace per size, ascending, and returns the figures (also usable by `npm run bench`).
 * Unless `warmup` is false, a 1,000-customer workspace (another seed) is graded once first, untimed, as any benchmark
 * harness warms up: the timed call then measures grading, not V8 compiling the engine on its first call (the cold
 * first call in a fresh process is measured with `warmup: false`, the bench's "cold" row).
 * @example
 * runEngineBench([1000, 10000]) // [{ customers: 1000, gradeMs: 25, … }, { customers: 10000, gradeMs: 180, growth: { sizeRatio: 10, timeRatio: 7.2 }, … }]
 */
export function runEngineBench(sizes: number[], { warmup = true }: { warmup?: boolean } = {}): EngineBenchRun[] {
  const runs: EngineBenchRun[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  let warmed: EngineBenchRun["warmup"] = null;
  if (warmup) {
    const small = generateWorkspace(1000, 7);
    const t = performance.now();
    gradeWorkspace(small);
    warmed = { customers: small.customers.length, ms: Math.round(performance.now() - t) };
  }
  for (const customers of [...sizes].sort((a, b) => a - b)) {
    const t0 = performance.now();
    const input = generateWorkspace(customers);
    const generateMs = performance.now() - t0;
    gc?.();
    const referenceMs = referenceGroupBy(input);
    gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    const cpu = process.cpuUsage();
    const t1 = performance.now();
    const result = gradeWorkspace(input);
    const gradeMs = performance.now() - t1;
    const used = process.cpuUsage(cpu);
    const mem = process.memoryUsage();
    const previous = runs[runs.length - 1];
    runs.push({
      customers,
      orders: input.orders.length,
      invoices: input.invoices.length,
      interactions: input.interactions.length,
      opportunities: input.opportunities.length,
      generateMs: Math.round(generateMs),
      gradeMs: Math.round(gradeMs),
      gradeCpuMs: Math.round((used.user + used.system) / 1000),
      referenceMs: Math.round(referenceMs),
      rssBeforeMB: mb(rssBefore),
      peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
      rssAfterMB: mb(mem.rss),
      heapUsedAfterMB: mb(mem.heapUsed),
      heapDeltaMB: mb(mem.heapUsed - heapBefore),
      growth: previous
        ? {
            sizeRatio: Math.round((customers / previous.customers) * 10) / 10,
            timeRatio: Math.round((gradeMs / Math.max(1, previous.gradeMs)) * 10) / 10,
          }
        : null,
      tierCounts: result.tierCounts,
      warmup: warmed,
    });
  }
  return runs;
}

function sizesFromArgs(argv: string[]): number[] {
  const i = argv.indexOf("--customers");
  if (i >= 0) {
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0) throw new Error("--customers needs a positive integer");
    return [n];
  }
  return [1000, 10_000, 100_000];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const runs = runEngineBench(sizesFromArgs(argv), { warmup: !argv.includes("--cold") });
  process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
}
