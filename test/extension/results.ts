// Lookup results for the extension tests, shaped like POST /api/v1/lookup answers.
import type { LookupResult } from "../../shared/contract/lookup";

export function customerResult(
  over: Partial<NonNullable<LookupResult["customer"]>> = {},
  email = "ana.lopes@example.org",
): LookupResult {
  return {
    email,
    match: "contact",
    customer: {
      id: "c1",
      name: "Example Org",
      tier: "A",
      keyAccount: true,
      negativeValue: false,
      credit: { rating: "hold", overdueAmount: 1234.5 },
      churn: "high",
      serviceLevel: { replyHours: 4 },
      suggestions: [],
      ...over,
    },
  };
}

export const unknownResult = (email: string): LookupResult => ({ email, match: null, customer: null });
