// Random inputs shared by the property tests: a small workspace with every record kind, and a seeded shuffle.
import fc from "fast-check";
import { defaultConfig, HEADLINE_MODELS } from "../../shared/config";
import type { GradeInput } from "../../shared/grade";
import { INTERACTION_KINDS, OPPORTUNITY_STAGES } from "../../shared/records";
import { ASOF, contact, customer, daysBefore, interaction, invoice, opportunity, order } from "./builders";

const ids = ["c0", "c1", "c2", "c3", "c4", "c5"];
const day = (max: number) => fc.integer({ min: 0, max }).map((d) => daysBefore(ASOF, d));

/** A random small workspace: every record kind, dates spread over three years. */
export const workspace = fc
  .record({
    n: fc.integer({ min: 1, max: ids.length }),
    orders: fc.array(
      fc.tuple(
        fc.nat(5),
        day(1000),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom("p1", "p2", null),
      ),
      { maxLength: 40 },
    ),
    invoices: fc.array(
      fc.tuple(fc.nat(5), day(500), fc.integer({ min: 1, max: 1e5 }), fc.option(fc.integer({ min: -10, max: 90 }))),
      { maxLength: 20 },
    ),
    interactions: fc.array(
      fc.tuple(
        fc.nat(5),
        day(200),
        fc.constantFrom(...INTERACTION_KINDS),
        fc.constantFrom("in" as const, "out" as const, null),
      ),
      { maxLength: 20 },
    ),
    opportunities: fc.array(
      fc.tuple(fc.nat(5), fc.constantFrom(...OPPORTUNITY_STAGES), fc.integer({ min: 0, max: 1e6 }), day(60)),
      { maxLength: 8 },
    ),
    headline: fc.constantFrom(...HEADLINE_MODELS),
    seed: fc.integer(),
  })
  .map((w): GradeInput & { seed: number } => {
    const who = (i: number) => ids[i % w.n]!;
    const config = { ...defaultConfig(), headline: w.headline };
    return {
      seed: w.seed,
      customers: ids
        .slice(0, w.n)
        .map((id, i) => customer(id, { industry: i % 2 ? "a" : "b", lifecycleStage: i === 0 ? "prospect" : "signed" })),
      contacts: [contact("k0", "c0", "decider")],
      orders: w.orders.map(([c, d, amount, cost, p]) => order(who(c), d, amount, cost, p)),
      invoices: w.invoices.map(([c, due, amount, late]) =>
        invoice(
          who(c),
          due,
          amount,
          late === null ? null : daysBefore(due, -late) > ASOF ? null : daysBefore(due, -late),
        ),
      ),
      interactions: w.interactions.map(([c, d, kind, direction], i) =>
        interaction(who(c), `${d}T0${i % 10}:00:00Z`, { id: `i${i}`, kind, direction, contactId: i % 3 ? null : "k0" }),
      ),
      opportunities: w.opportunities.map(([c, stage, amount, changed], i) =>
        opportunity(`o${i}`, who(c), {
          stage,
          amount,
          stageChangedAt: changed,
          expectedClose: daysBefore(changed, -40),
        }),
      ),
      config,
      configVersion: "v1",
      asOf: ASOF,
      previous: [{ customerId: "c1", tier: "A", keyAccount: false }],
    };
  });

export function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
