// The regrade contract (issue #4): POST /api/v1/regrade grades the whole workspace as of a date.
import { z } from "zod";
import { isCalendarDate } from "./import-values";
import { registerRoute } from "./openapi";

export const regradeRequestSchema = z.strictObject({
  /** The date to grade as of, `YYYY-MM-DD`; default today (UTC). */
  asOf: z.string().refine(isCalendarDate, "Expected a calendar date YYYY-MM-DD.").optional(),
});
export type RegradeRequest = z.infer<typeof regradeRequestSchema>;

export const regradeResultSchema = z.object({
  /** Customers graded. */
  graded: z.number().int(),
  /** Customers whose stored grade changed; history is appended only where the summary changed. */
  changed: z.number().int(),
  tookMs: z.number(),
});
export type RegradeResult = z.infer<typeof regradeResultSchema>;

registerRoute({
  method: "post",
  path: "/regrade",
  summary: "Regrade the whole workspace",
  description:
    "Grades every customer with the active scoring configuration as of `asOf` (default today, UTC), stores " +
    "the grades that changed and appends history where the summary changed. Running it twice for the same " +
    "date changes nothing the second time. The daily cron does the same for every workspace.",
  tag: "Grading",
  auth: "token",
  roles: ["admin", "manager"],
  body: regradeRequestSchema,
  responses: { 200: { description: "Counts and time taken.", schema: regradeResultSchema } },
});
