// The demo's customers as profiles: the customer row to import plus the hidden traits that drive its activity.
import type { z } from "zod";
import type { ImportRowSchemas, ImportType } from "../../shared/contract/import";
import type { Industry, Region } from "./names";

/** A row as the import API takes it (JSON, camelCase, amounts as decimal numbers). */
export type ImportInput<T extends ImportType> = z.input<ImportRowSchemas[T]>;

/** active: buying all along; new: first order in the last months; churned: stopped months ago; lost: long gone. */
export type Segment = "active" | "new" | "churned" | "lost" | "prospect";
/** prompt pays on time; slow sometimes late; bad often late with recent overdue; defaulter leaves invoices unpaid. */
export type Payer = "prompt" | "slow" | "bad" | "defaulter";

export interface Profile {
  row: ImportInput<"customers">;
  industry: Industry;
  region: Region;
  english: boolean;
  domains: string[];
  segment: Segment;
  /** Yearly revenue at the anchor, in fen. */
  annual: number;
  ordersPerYear: number;
  /** Regular buyers order at steady intervals (relationship customers). */
  regular: boolean;
  /** Yearly growth factor of order size (1.4 growing, 0.7 shrinking). */
  trend: number;
  /** Gross margin; negative for a loss-making customer. */
  margin: number;
  termsDays: number;
  payer: Payer;
  /** The products this customer mostly buys. */
  products: string[];
}

/** Major units with cents as the API takes them, from fen: 123405 → 1234.05 (the nearest double, printed exactly). */
export const yuan = (fen: number) => Math.round(fen) / 100;
