// Contract of user management (admin only): list, create, change role, disable and enable.
import { z } from "zod";
import { passwordSchema, userResponseSchema } from "./auth";
import { emailSchema, roleSchema, userSchema } from "./common";
import { registerRoute } from "./openapi";

export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  /** Optional: without one the user signs in only through pairing codes made by an admin, or sets one later. */
  password: passwordSchema.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.optional(),
    /** true disables the user (tokens revoked, sessions ended at once); false enables again. */
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Give at least one field to change.");
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userListResponseSchema = z.object({ items: z.array(userSchema) });

const admin = ["admin"] as const;
registerRoute({
  method: "get",
  path: "/users",
  tag: "users",
  auth: "token",
  roles: admin,
  summary: "List the workspace's users",
  responses: { 200: { description: "Users by name.", schema: userListResponseSchema } },
});
registerRoute({
  method: "post",
  path: "/users",
  tag: "users",
  auth: "token",
  roles: admin,
  summary: "Create a user",
  description: "A taken email answers 409.",
  body: createUserRequestSchema,
  responses: { 201: { description: "Created.", schema: userResponseSchema } },
});
registerRoute({
  method: "patch",
  path: "/users/{id}",
  tag: "users",
  auth: "token",
  roles: admin,
  summary: "Change a user's name, role or password, or disable / enable them",
  description:
    "Disabling revokes the user's tokens, sessions and pairing codes at once. A change that would leave no active admin answers 409.",
  body: updateUserRequestSchema,
  responses: { 200: { description: "Updated.", schema: userResponseSchema } },
});
