// zod validation of every message the background receives: content scripts and pages are untrusted input.
import { z } from "zod";
import { LOG_KINDS, type Message } from "./messages";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/);

const logDraft = z
  .object({
    email: email.optional(),
    customerId: z.string().min(1).max(100).optional(),
    kind: z.enum(LOG_KINDS),
    summary: z.string().max(10_000).regex(/\S/, { message: "Must not be blank." }),
    direction: z.enum(["in", "out"]).optional(),
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    sourceTitle: z.string().max(500).optional(),
    createProspect: z.boolean().optional(),
    contactName: z.string().trim().min(1).max(200).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((d) => (d.email === undefined) !== (d.customerId === undefined), "Give exactly one of email or customerId.");

export const messageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("lookup"), emails: z.array(z.string().max(320)).min(1).max(500) }).strict(),
  z.object({ type: z.literal("card"), email }).strict(),
  z.object({ type: z.literal("customer"), id: z.string().min(1).max(100) }).strict(),
  z.object({ type: z.literal("log"), item: logDraft }).strict(),
  // The id the background gave the log (a UUID): undo takes back only what this browser logged.
  z.object({ type: z.literal("undo"), id: z.uuid() }).strict(),
  z.object({ type: z.literal("search"), q: z.string().trim().min(1).max(200) }).strict(),
  z.object({ type: z.literal("due") }).strict(),
  z.object({ type: z.literal("status") }).strict(),
  z
    .object({
      type: z.literal("connect"),
      serverUrl: z.url({ protocol: /^https?$/ }).max(500),
      code: z.string().trim().min(1).max(40).optional(),
      token: z.string().trim().min(1).max(500).optional(),
    })
    .strict()
    .refine((m) => (m.code === undefined) !== (m.token === undefined), "Give a pairing code or a token."),
  z.object({ type: z.literal("disconnect") }).strict(),
  z.object({ type: z.literal("retryFailed"), id: z.string().max(100) }).strict(),
  z.object({ type: z.literal("dismissFailed"), id: z.string().max(100) }).strict(),
  z.object({ type: z.literal("sitesChanged") }).strict(),
]);

/** The message, or null when it is not one we know (wrong type, extra fields, bad values). */
export function parseMessage(input: unknown): Message | null {
  const parsed = messageSchema.safeParse(input);
  return parsed.success ? (parsed.data as Message) : null;
}
