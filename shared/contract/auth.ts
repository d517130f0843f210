// Contract of workspaces, pairing, the caller (`/me`) and API tokens.
import { z } from "zod";
import { emailSchema, okSchema, roleSchema, userSchema, workspaceSummarySchema } from "./common";
import { registerRoute } from "./openapi";

export const passwordSchema = z.string().min(12, "Must be at least 12 characters.").max(256);
const nameSchema = z.string().trim().min(1).max(200);

export const createWorkspaceRequestSchema = z.object({
  name: nameSchema,
  admin: z.object({ email: emailSchema, name: nameSchema, password: passwordSchema }),
});
export type CreateWorkspaceRequest = z.infer<typeof createWorkspaceRequestSchema>;

export const createWorkspaceResponseSchema = z.object({
  workspace: workspaceSummarySchema,
  admin: z.object({ id: z.string(), email: z.string() }),
  /** An API token of the admin, shown once. */
  token: z.string(),
});
export type CreateWorkspaceResponse = z.infer<typeof createWorkspaceResponseSchema>;

export const pairRequestSchema = z.object({ code: z.string().trim().min(1).max(40) });
export type PairRequest = z.infer<typeof pairRequestSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});

export const pairResponseSchema = z.object({ token: z.string(), user: meSchema, workspace: workspaceSummarySchema });
export type PairResponse = z.infer<typeof pairResponseSchema>;

export const pairingCodeResponseSchema = z.object({
  /** Shown as XXXXX-XXXXX; separators and case do not matter when typed. */
  code: z.string(),
  expiresAt: z.string(),
});
export type PairingCodeResponse = z.infer<typeof pairingCodeResponseSchema>;

export const meResponseSchema = z.object({
  user: meSchema,
  workspace: workspaceSummarySchema.extend({ currency: z.string() }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, to recognise it. */
  prefix: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createTokenRequestSchema = z.object({ name: nameSchema.max(100) });
export const createTokenResponseSchema = apiTokenSchema.extend({ token: z.string() });
export const tokenListResponseSchema = z.object({ items: z.array(apiTokenSchema) });

export const userResponseSchema = z.object({ user: userSchema });

registerRoute({
  method: "post",
  path: "/workspaces",
  tag: "workspaces",
  auth: "operator",
  summary: "Create a workspace with its first admin",
  description:
    "Authorised by the operator secret. Stores scoring configuration version 1. A taken admin email answers 409.",
  body: createWorkspaceRequestSchema,
  responses: { 201: { description: "Created; `token` is shown once.", schema: createWorkspaceResponseSchema } },
});
registerRoute({
  method: "post",
  path: "/pair",
  tag: "auth",
  auth: "none",
  summary: "Exchange a one-time pairing code for an API token",
  description:
    "Codes are valid 10 minutes and single use. An invalid, used or expired code answers 401; after 5 failures from one address within 15 minutes, 429 with Retry-After.",
  body: pairRequestSchema,
  responses: {
    200: { description: "Paired.", schema: pairResponseSchema },
    429: { description: "Too many failed attempts.", headers: { "Retry-After": "Seconds to wait." } },
  },
});
registerRoute({
  method: "post",
  path: "/pairing-codes",
  tag: "auth",
  auth: "token",
  summary: "Make a pairing code for the caller",
  responses: { 201: { description: "The code, shown once.", schema: pairingCodeResponseSchema } },
});
registerRoute({
  method: "get",
  path: "/me",
  tag: "auth",
  auth: "token",
  summary: "The caller, role and workspace",
  responses: { 200: { description: "The caller.", schema: meResponseSchema } },
});
registerRoute({
  method: "get",
  path: "/tokens",
  tag: "tokens",
  auth: "token",
  summary: "List API tokens",
  description: "The caller's own tokens; an admin sees every token of the workspace.",
  responses: { 200: { description: "Tokens, newest first.", schema: tokenListResponseSchema } },
});
registerRoute({
  method: "post",
  path: "/tokens",
  tag: "tokens",
  auth: "token",
  summary: "Create an API token for the caller",
  body: createTokenRequestSchema,
  responses: { 201: { description: "Created; `token` is shown once.", schema: createTokenResponseSchema } },
});
registerRoute({
  method: "delete",
  path: "/tokens/{id}",
  tag: "tokens",
  auth: "token",
  summary: "Revoke an API token",
  description: "Own tokens; an admin may revoke any token of the workspace.",
  responses: { 200: { description: "Revoked.", schema: okSchema } },
});
