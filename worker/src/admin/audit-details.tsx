// An audit entry's details as the reader would say them: the UI's field labels and values in their language, raw keys for fields we do not know.
import type { AdminKey } from "../../../shared/i18n/admin.en";
import type { Ui } from "./i18n";

/** Detail keys the services write (services/*, routes/regrade.ts), by the label the UI shows for that field. */
const FIELD_LABELS: Record<string, AdminKey> = {
  // customer.update (the request's patch)
  ownerId: "customers.owner",
  ratings: "audit.field.ratings",
  legalVerified: "detail.legal",
  creditLimit: "detail.creditLimit",
  wallet: "audit.field.wallet",
  attributes: "audit.field.attributes",
  // users, tokens, workspaces, contacts, prospects
  name: "field.name",
  email: "field.email",
  role: "field.role",
  password: "field.password",
  disabled: "people.disabled",
  userId: "tokens.user",
  customerId: "customers.name",
  kind: "detail.kind",
  occurredAt: "detail.when",
  interactionId: "audit.field.interactionId",
  pairingCodeId: "audit.target.pairing_code",
  expiresAt: "audit.field.expiresAt",
  // imports
  type: "import.type",
  format: "audit.field.format",
  created: "audit.field.created",
  updated: "audit.field.updated",
  unchanged: "audit.field.unchanged",
  errors: "audit.field.errors",
  // scoring versions and regrades
  from: "audit.field.fromVersion",
  to: "audit.field.toVersion",
  template: "scoring.template",
  headline: "scoring.headline",
  asOf: "audit.field.asOf",
  graded: "audit.field.graded",
  changed: "audit.field.changed",
  tookMs: "audit.field.tookMs",
};

/** Money in a customer patch is decimal major units (the API's form). */
const MONEY_FIELDS = new Set(["creditLimit", "wallet"]);
const PERSON_FIELDS = new Set(["ownerId", "userId"]);

export interface DetailsContext {
  ui: Ui;
  /** Names of the workspace's people, to name an owner or user instead of showing their id. */
  people: Map<string, string>;
  /** Names of the customers the entries name, likewise. */
  customers?: Map<string, string>;
}

/** Code values the UI names in the reader's language, by the message-key prefix of their names. */
const CODE_PREFIXES: Record<string, string> = {
  role: "role.",
  type: "import.type.",
  template: "template.",
  headline: "headline.",
  kind: "kind.",
};

/** A flat object (manual ratings, attributes) as "key: value; …"; anything nested as compact JSON. */
function objectText(value: object): string {
  const entries = Object.entries(value);
  const flat = entries.every(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v));
  return flat ? entries.map(([k, v]) => `${k}: ${v ?? "—"}`).join("; ") || "—" : JSON.stringify(value);
}

/** One value as text: never markup (JSX renders text nodes). */
export function detailValue({ ui, people, customers }: DetailsContext, key: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return ui.t(value ? "common.yes" : "common.no");
  if (typeof value === "number" && MONEY_FIELDS.has(key)) return ui.money(Math.round(value * 100));
  if (typeof value === "number" && key === "tookMs") return ui.t("audit.field.ms", { n: ui.number(value, 0) });
  if (typeof value === "number") return ui.number(value, 2);
  if (typeof value === "object" && !Array.isArray(value)) return objectText(value);
  if (typeof value !== "string") return JSON.stringify(value);
  if (PERSON_FIELDS.has(key)) return people.get(value) ?? value;
  if (key === "customerId") return customers?.get(value) ?? value;
  const codes = CODE_PREFIXES[key];
  if (codes) return ui.tk(`${codes}${value}`, value);
  if (key === "expiresAt" || key === "occurredAt") return ui.dateTime(value);
  if (key === "asOf") return ui.date(value);
  return value;
}

/** The label of a detail key in the reader's language, or the key itself when the UI has no label for it. */
export const detailLabel = (ui: Ui, key: string): string => {
  const label = FIELD_LABELS[key];
  return label ? ui.t(label) : key;
};

/** The details of one entry: "Label: value" pairs, each one element, so a long one wraps on its own. */
export function AuditDetails({ ctx, details }: { ctx: DetailsContext; details: unknown }) {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  const entries = Object.entries(details as Record<string, unknown>);
  return (
    <ul class="details">
      {entries.map(([key, value]) => {
        const text = detailValue(ctx, key, value);
        return (
          <li>
            <span class="details-key">{detailLabel(ctx.ui, key)}:</span>{" "}
            {text.length > 200 ? `${text.slice(0, 199)}…` : text}
          </li>
        );
      })}
    </ul>
  );
}
