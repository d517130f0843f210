// The database's truth: every table of DOMAIN.md §1 as drizzle-orm definitions for D1 (SQLite).
// Money is integer minor units (fen / cents); dates are ISO strings (YYYY-MM-DD or full timestamps).
// Every table but `workspaces` and `auth_throttles` (keyed before a workspace is known) carries workspace_id.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { createdAt, now, workspaceId } from "./columns";

// The grading's output tables (grades, their history, the workspace report) live in their own file.
export * from "./grade-tables";

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  currency: text("currency").notNull().default("CNY"),
  timezone: text("timezone").notNull().default("Asia/Shanghai"),
  /** Bumped whenever grades or contacts change: the lookup ETag is derived from it. */
  dataVersion: integer("data_version").notNull().default(1),
  /** The scoring configuration version in force (scoring_configs.version). */
  activeConfigVersion: integer("active_config_version"),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    workspaceId: workspaceId(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "manager", "rep"] }).notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale"),
    disabledAt: text("disabled_at"),
    passwordChangedAt: text("password_changed_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_ws_idx").on(t.workspaceId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the session id held in the cookie; the raw id is never stored. */
    idHash: text("id_hash").primaryKey(),
    workspaceId: workspaceId(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfSecret: text("csrf_secret").notNull(),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.workspaceId, t.userId)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    workspaceId: workspaceId(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** The first characters, to recognise a token in a list. */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_ws_idx").on(t.workspaceId, t.userId)],
);

export const pairingCodes = sqliteTable(
  "pairing_codes",
  {
    id: text("id").primaryKey(),
    workspaceId: workspaceId(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [uniqueIndex("pairing_codes_hash_uq").on(t.codeHash), index("pairing_codes_ws_idx").on(t.workspaceId)],
);

/** Failed sign-in / pairing attempts per key (account or address), for throttling. */
export const authThrottles = sqliteTable("auth_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: text("window_start").notNull(),
  lockedUntil: text("locked_until"),
});

export const customers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    workspaceId: workspaceId(),
    externalId: text("external_id"),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["enterprise", "intermediary", "nonprofit", "individual"] })
      .notNull()
      .default("enterprise"),
    nature: text("nature", { enum: ["government", "soe", "listed", "private", "foreign", "other"] })
      .notNull()
      .default("other"),
    industry: text("industry"),
    region: text("region"),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    lifecycleStage: text("lifecycle_stage", {
      enum: ["target_market", "prospect", "target", "signed", "qualified", "lost"],
    })
      .notNull()
      .default("prospect"),
    legalVerified: integer("legal_verified", { mode: "boolean" }).notNull().default(false),
    creditLimit: integer("credit_limit"),
    wallet: integer("wallet"),
    /** Optional yearly cost to serve, overriding interactions × cost per kind. */
    serviceCost: integer("service_cost"),
    /** Manual scorecard ratings: criterion id → level id. */
    ratings: text("ratings", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    attributes: text("attributes", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("customers_ext_uq").on(t.workspaceId, t.externalId),
    /** Pages a workspace's customers in id order (the regrade's loader). */
    index("customers_ws_id_idx").on(t.workspaceId, t.id),
    /** The customer list's keyset pages by name and by last change: (key, id) ordered, so a page reads ~limit rows. */
    index("customers_ws_name_idx").on(t.workspaceId, t.name, t.id),
    index("customers_ws_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("customers_owner_idx").on(t.workspaceId, t.ownerId),
  ],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: text("id").primaryKey(),
    workspaceId: workspaceId(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Lower-cased. */
    email: text("email"),
    phone: text("phone"),
    role: text("role", { enum: ["initiator", "influencer", "gatekeeper", "decider", "buyer", "user"] }),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("contacts_email_uq").on(t.workspaceId, t.email),
    index("contacts_customer_idx").on(t.workspaceId, t.customerId),
  ],
);

export const customerDomains = sqliteTable(
  "customer_domains",
  {
    workspaceId: workspaceId(),
    /** Lower-cased, never a free-mail domain. */
    domain: text("domain").notNull(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.domain] }),
    index("customer_domains_customer_idx").on(t.workspaceId, t.customerId),
  ],
);

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceId(),
    externalId: text("external_id"),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    amount: integer("amount").notNull(),
    cost: integer("cost").notNull().default(0),
    product: text("product"),
    quantity: integer("quantity"),
  },
  (t) => [
    uniqueIndex("orders_ext_uq").on(t.workspaceId, t.externalId),
    index("orders_customer_date_idx").on(t.workspaceId, t.customerId, t.date),
  ],
);

export const invoices = sqliteTable(
  "invoices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceId(),
    externalId: text("external_id"),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    orderExternalId: text("order_external_id"),
    dueDate: text("due_date").notNull(),
    amount: integer("amount").notNull(),
    paidDate: text("paid_date"),
    paidAmount: integer("paid_amount"),
  },
  (t) => [
    uniqueIndex("invoices_ext_uq").on(t.workspaceId, t.externalId),
    index("invoices_customer_due_idx").on(t.workspaceId, t.customerId, t.dueDate),
  ],
);

export const interactions = sqliteTable(
  "interactions",
  {
    workspaceId: workspaceId(),
    /** Client-generated UUID: the idempotency key of every write. */
    id: text("id").notNull(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The contact touched, when known (MAN authority: a decider contacted recently). */
    contactId: text("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["email", "call", "visit", "meeting", "wechat", "note"] }).notNull(),
    /** "in" for an incoming email (drives reply-due), "out" or null otherwise. */
    direction: text("direction", { enum: ["in", "out"] }),
    occurredAt: text("occurred_at").notNull(),
    summary: text("summary").notNull().default(""),
    sourceUrl: text("source_url"),
    sourceTitle: text("source_title"),
    /** SHA-256 of the canonical request body, to tell a replay (200) from a conflict (422). */
    bodyHash: text("body_hash"),
    createdAt: createdAt(),
    /**
     * Set when a user undoes or removes it: the row stays, so a replay of its id (the extension's outbox) answers
     * with it instead of logging it again; nothing else reads it (timeline, grading, counts).
     */
    deletedAt: text("deleted_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("interactions_customer_time_idx").on(t.workspaceId, t.customerId, t.occurredAt),
    /** Lets deleting a contact find its interactions (ON DELETE SET NULL) without a scan. */
    index("interactions_contact_idx").on(t.contactId),
  ],
);

export const opportunities = sqliteTable(
  "opportunities",
  {
    id: text("id").primaryKey(),
    workspaceId: workspaceId(),
    externalId: text("external_id"),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    stage: text("stage", {
      enum: ["first_contact", "needs_understood", "proposal", "negotiation", "won", "paid", "lost"],
    }).notNull(),
    amount: integer("amount").notNull(),
    expectedClose: text("expected_close"),
    /** Explicit probability in percent (0–100); null means the stage default of the scoring configuration. */
    probability: integer("probability_pct"),
    stageChangedAt: text("stage_changed_at").notNull().default(now),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("opportunities_ext_uq").on(t.workspaceId, t.externalId),
    index("opportunities_customer_idx").on(t.workspaceId, t.customerId),
  ],
);

export const scoringConfigs = sqliteTable(
  "scoring_configs",
  {
    workspaceId: workspaceId(),
    version: integer("version").notNull(),
    config: text("config", { mode: "json" }).$type<unknown>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.version] })],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceId(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: text("details", { mode: "json" }).$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_ws_time_idx").on(t.workspaceId, t.createdAt)],
);
