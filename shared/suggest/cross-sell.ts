// Cross-sell candidates: products popular among customers of the same industry and tier that this one lacks.
import type { ScoringConfig } from "../config";
import type { Tier } from "../grade/types";

export interface CrossSellCustomer {
  industry: string | null;
  tier: Tier;
  /** Distinct products bought in the window. */
  products: readonly string[];
}

/**
 * For every customer, the products that ≥ crossSellPercent of its peers (same industry and tier,
 * the customer included) bought and it has not, most popular first (at most 5). One pass to count
 * per group, one pass to compare: O(customers × products per customer).
 * @example
 * crossSellProducts([{ industry: "x", tier: "A", products: ["p"] }, { industry: "x", tier: "A", products: [] }], defaultConfig())
 * // [[], ["p"]]  (1 of 2 peers = 50 % ≥ 30 %)
 */
export function crossSellProducts(customers: readonly CrossSellCustomer[], config: ScoringConfig): string[][] {
  // Peer groups by industry (none and "" are one group), then tier: no key string built and hashed per customer.
  const byIndustry = new Map<string, Record<Tier, PeerGroup | undefined>>();
  const groupOf = (c: CrossSellCustomer): PeerGroup => {
    const industry = c.industry ?? "";
    let tiers = byIndustry.get(industry);
    if (!tiers) {
      tiers = { A: undefined, B: undefined, C: undefined };
      byIndustry.set(industry, tiers);
    }
    let g = tiers[c.tier];
    if (!g) {
      g = { size: 0, counts: new Map(), popular: null };
      tiers[c.tier] = g;
    }
    return g;
  };
  const groups: PeerGroup[] = new Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as CrossSellCustomer;
    const g = groupOf(c);
    groups[i] = g;
    g.size++;
    const products = c.products;
    for (let k = 0; k < products.length; k++) {
      const p = products[k] as string;
      g.counts.set(p, (g.counts.get(p) ?? 0) + 1);
    }
  }
  const pct = config.suggest.crossSellPercent;
  return customers.map((c, i) => {
    const g = groups[i] as PeerGroup;
    if (g.size < 2) return NONE;
    if (!g.popular) {
      g.popular = [...g.counts.entries()]
        .filter(([, n]) => n * 100 >= pct * g.size)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([p]) => p);
    }
    if (g.popular.length === 0) return NONE;
    // A customer's products are a short list: a scan, no Set per customer.
    const out: string[] = [];
    for (let k = 0; k < g.popular.length && out.length < 5; k++) {
      const p = g.popular[k] as string;
      if (!c.products.includes(p)) out.push(p);
    }
    return out.length ? out : NONE;
  });
}

interface PeerGroup {
  size: number;
  counts: Map<string, number>;
  /** Products bought by ≥ crossSellPercent of the group, most popular first; worked out on first use. */
  popular: string[] | null;
}

/** The shared answer "nothing to cross-sell" (most customers), frozen so no caller can fill it. */
const NONE = Object.freeze([]) as unknown as string[];
