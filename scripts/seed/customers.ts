// The demo's ~200 customers: industries, regions, kinds and natures mixed, Chinese and English names, domains.
import { companyName, pickDomains } from "./company-names";
import { INDUSTRIES, PRODUCTS, type Region } from "./names";
import type { Payer, Profile, Segment } from "./profile";
import { yuan } from "./profile";
import type { Random } from "./random";

const SOURCES = ["展会", "转介绍", "官网", "老客户", "招投标", "电话开发"];

export function makeCustomers(random: Random, count: number, owners: readonly string[]): Profile[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const segment = random.weighted<Segment>([
      ["active", 62],
      ["new", 8],
      ["churned", 7],
      ["lost", 3],
      ["prospect", 20],
    ]);
    const industry = random.pick(INDUSTRIES);
    const region = random.weighted<Region>([
      ["华东", 35],
      ["华南", 25],
      ["华北", 18],
      ["西南", 12],
      ["海外", 10],
    ]);
    const kind = random.weighted([
      ["enterprise", 76],
      ["intermediary", 14],
      ["nonprofit", 4],
      ["individual", 6],
    ] as const);
    const english = region === "海外" ? random.chance(0.85) : random.chance(0.04);
    const nature = english
      ? "foreign"
      : kind === "nonprofit"
        ? random.pick(["government", "other"] as const)
        : kind === "individual"
          ? "private"
          : random.weighted([
              ["private", 50],
              ["soe", 17],
              ["listed", 13],
              ["government", 4],
              ["other", 6],
              ["foreign", 10],
            ] as const);
    const { name, domainStems } = companyName(random, { industry, region, kind, nature, english }, names);
    const own = kind === "individual" ? [] : pickDomains(random, domainStems, english, domains);
    // Heavy tail: a few customers buy millions a year, most a few tens of thousands (Pareto, alpha 0.9).
    const annual = Math.min(3e9, Math.round(3_000_000 * (1 / (1 - random.next() * 0.999)) ** (1 / 0.9)));
    const ordersPerYear = Math.max(1, Math.min(48, Math.round(3 + (annual / 3_000_000) ** 0.4 * random.jitter(0.4))));
    const payer = random.weighted<Payer>([
      ["prompt", 68],
      ["slow", 20],
      ["bad", 9],
      ["defaulter", 3],
    ]);
    const buying = segment !== "prospect";
    const owner = pickOwner(random, owners);
    profiles.push({
      row: {
        externalId: `CUST-${String(i + 1).padStart(4, "0")}`,
        name,
        kind,
        nature,
        lifecycleStage: lifecycle(random, segment),
        industry,
        region,
        ownerEmail: owner,
        domains: own,
        legalVerified: kind === "individual" ? false : random.chance(buying ? 0.9 : 0.45),
        creditLimit:
          buying && random.chance(0.65) ? yuan(Math.ceil((annual * (0.1 + random.next() * 0.25)) / 1e6) * 1e6) : null,
        wallet: random.chance(buying ? 0.4 : 0.55)
          ? yuan(Math.round((annual * (2 + random.next() * 3)) / 1e5) * 1e5)
          : null,
        attributes: {
          source: random.pick(SOURCES),
          ...(kind === "individual" ? {} : { employees: random.int(8, 5000) }),
        },
      },
      industry,
      region,
      english,
      domains: own,
      segment,
      annual,
      ordersPerYear,
      regular: random.chance(0.55),
      trend: random.weighted([
        [1, 50],
        [1.45, 20],
        [0.65, 20],
        [1.15, 10],
      ] as const),
      margin: random.chance(0.04) ? -0.06 : 0.08 + random.next() * 0.3,
      termsDays: random.pick([30, 30, 45, 60, 90]),
      payer,
      products: [
        ...new Set([random.pick(PRODUCTS[industry]), random.pick(PRODUCTS[industry]), random.pick(PRODUCTS[industry])]),
      ],
    });
  }
  return profiles;
}

function lifecycle(random: Random, segment: Segment) {
  if (segment === "prospect")
    return random.weighted([
      ["prospect", 50],
      ["target", 35],
      ["target_market", 15],
    ] as const);
  if (segment === "lost") return "lost" as const;
  if (segment === "new") return "signed" as const;
  return random.chance(0.75) ? ("qualified" as const) : ("signed" as const);
}

function pickOwner(random: Random, owners: readonly string[]): string | null {
  if (owners.length === 0 || random.chance(0.35)) return null;
  // The last owner (the rep, when there is one) owns most customers; the admin a few.
  return owners.length > 1 && random.chance(0.3) ? owners[0]! : owners[owners.length - 1]!;
}
