// What the benchmarks send: lookup addresses with known outcomes, and the 50,000 orders of the import row.
import { mixSeed, Rng } from "./prng";
import { type BenchWorkspace, customerDomain, customerExternalId, emptyRows, generateCustomer } from "./workspace";

export interface LookupProbe {
  email: string;
  expect: "contact" | "domain" | "miss";
}

/** 20 addresses: 8 exact contacts, 6 unknown people at customers' domains, 6 misses (free-mail and unknown domains). */
export function lookupProbes(ws: BenchWorkspace, seed: number): LookupProbe[] {
  const customers = ws.customers;
  const rng = new Rng(mixSeed(seed, 0x10c));
  const probes: LookupProbe[] = [];
  for (let tries = 0; probes.length < 8 && tries < 1000; tries++) {
    const out = emptyRows();
    generateCustomer(ws, seed, rng.int(0, customers - 1), out);
    const contact = out.contacts[0];
    if (contact && !probes.some((p) => p.email === contact[3]))
      probes.push({ email: String(contact[3]), expect: "contact" });
  }
  for (let tries = 0; probes.length < 14 && tries < 1000; tries++) {
    const i = rng.int(0, customers - 1);
    const out = emptyRows();
    generateCustomer(ws, seed, i, out);
    if (out.customer_domains.length > 0)
      probes.push({ email: `someone.new${tries}@${customerDomain(i)}`, expect: "domain" });
  }
  for (let k = 0; probes.length < 20; k++) {
    probes.push({
      email: k % 2 === 0 ? `stranger${k}@qq.com` : `nobody${k}@unknown-${k}.example.org`,
      expect: "miss",
    });
  }
  return probes;
}

/** An order as the import API takes it (JSON, camelCase, decimal amounts). */
export interface ImportOrder {
  externalId: string;
  customerExternalId: string;
  date: string;
  amount: number;
  cost: number;
  product: string;
  quantity: number;
}

/** `count` new orders spread over existing customers, external ids `<prefix><n>`. */
export function importOrders(seed: number, customers: number, count: number, prefix = "IMP-"): ImportOrder[] {
  const rng = new Rng(mixSeed(seed, 0x1a9));
  const rows: ImportOrder[] = [];
  for (let n = 0; n < count; n++) {
    const amount = rng.int(100, 500_000);
    rows.push({
      externalId: `${prefix}${n}`,
      customerExternalId: customerExternalId(rng.int(0, customers - 1)),
      date: `2026-0${rng.int(1, 6)}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      amount: amount / 100,
      cost: Math.round(amount * 0.7) / 100,
      product: `P-${rng.int(1, 9)}00`,
      quantity: rng.int(1, 20),
    });
  }
  return rows;
}

/** `count` contact addresses of distinct customers, starting at customer `from` (every one is a lookup hit). */
export function knownContacts(
  ws: BenchWorkspace,
  seed: number,
  count: number,
  from = 0,
): { email: string; name: string }[] {
  const out: { email: string; name: string }[] = [];
  for (let i = from; out.length < count && i < ws.customers; i++) {
    const rows = emptyRows();
    generateCustomer(ws, seed, i, rows);
    const contact = rows.contacts[0];
    if (contact) out.push({ email: String(contact[3]), name: String(contact[2]) });
  }
  return out;
}
