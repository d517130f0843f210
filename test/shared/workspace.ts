// A small workspace builder for tests that run the whole engine.
import { defaultConfig, type ScoringConfig } from "../../shared/config";
import { type GradeInput, gradeWorkspace } from "../../shared/grade";
import { ASOF } from "./builders";

export function grade(input: Partial<GradeInput> & { config?: ScoringConfig }) {
  return gradeWorkspace({
    customers: [],
    contacts: [],
    orders: [],
    invoices: [],
    interactions: [],
    opportunities: [],
    config: defaultConfig(),
    configVersion: 7,
    asOf: ASOF,
    ...input,
  });
}

export function byId(result: ReturnType<typeof gradeWorkspace>, id: string) {
  const g = result.customers.find((c) => c.customerId === id);
  if (!g) throw new Error(`no grade for ${id}`);
  return g;
}

export const codes = (g: { suggestions: { code: string }[] }) => g.suggestions.map((s) => s.code);
