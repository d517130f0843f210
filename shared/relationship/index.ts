// Relationship vs transactional customers (DOMAIN.md §3.9): long tenure and regular buying make a relationship.
import type { ScoringConfig } from "../config";
import type { CustomerFacts, RelationshipType } from "../grade/types";

/**
 * Relationship when tenure ≥ minTenureYears (365 days a year), at least minOrders orders, and
 * the purchase intervals' coefficient of variation ≤ maxCv; otherwise transactional.
 * @example
 * classifyRelationship({ tenureDays: 400, lifetimeOrderCount: 4, cycleCv: 0.5 }, defaultConfig()) // "relationship"
 */
export function classifyRelationship(
  f: Pick<CustomerFacts, "tenureDays" | "lifetimeOrderCount" | "cycleCv">,
  config: ScoringConfig,
): RelationshipType {
  const r = config.relationship;
  const long = f.tenureDays !== null && f.tenureDays >= r.minTenureYears * 365;
  const regular = f.cycleCv !== null && f.cycleCv <= r.maxCv;
  return long && regular && f.lifetimeOrderCount >= r.minOrders ? "relationship" : "transactional";
}
