// Column lists of the bulk-loaded tables, in the order the generator emits each row (see worker/src/db/schema.ts).
export const COLUMNS = {
  customers: [
    "id",
    "external_id",
    "name",
    "kind",
    "nature",
    "industry",
    "region",
    "owner_id",
    "lifecycle_stage",
    "legal_verified",
    "credit_limit",
    "wallet",
    "ratings",
    "attributes",
    "created_at",
  ],
  customer_domains: ["domain", "customer_id"],
  contacts: ["id", "customer_id", "name", "email", "phone", "role"],
  orders: ["external_id", "customer_id", "date", "amount", "cost", "product", "quantity"],
  invoices: ["external_id", "customer_id", "order_external_id", "due_date", "amount", "paid_date", "paid_amount"],
  interactions: ["id", "customer_id", "user_id", "kind", "direction", "occurred_at", "summary"],
  opportunities: [
    "id",
    "external_id",
    "customer_id",
    "owner_id",
    "name",
    "stage",
    "amount",
    "expected_close",
    "probability_pct",
    "stage_changed_at",
  ],
} as const;

export type TableName = keyof typeof COLUMNS;
export const TABLE_NAMES = Object.keys(COLUMNS) as TableName[];

/** One row: values in the order of COLUMNS[table] (workspace_id is added by the loader). */
export type Row = (string | number | null)[];
export type RowsByTable = Record<TableName, Row[]>;
