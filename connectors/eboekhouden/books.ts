import type Decimal from "decimal.js";
import type { Choice } from "../setup-types";
import type { SalesEntry } from "./entry";
import type { PaymentEntry } from "./payment";
import type { RelationFields } from "./relation";

/**
 * One e-Boekhouden administration as the target needs it, the same through either API: the REST
 * API (token connections, rest-books.ts) or the legacy SOAP API (soap-books.ts). Relations are
 * named by code, ledgers by code, templates by name, whatever ids the API uses underneath.
 */
export interface Books {
  api: "rest" | "soap";
  /** The relation code of the debtor with this email address, if any. */
  findRelationByEmail(email: string): Promise<string | null>;
  /** Codes of existing relations that start with `base` (for the relation-code sequence). */
  relationCodesStartingWith(base: string): Promise<string[]>;
  /** Creates a relation; throws ConnectorError "duplicate" when the code is taken. */
  createRelation(relation: RelationFields): Promise<void>;
  /** The article (product) with this code, by its code as e-Boekhouden stores it. */
  findArticle(code: string): Promise<string | null>;
  /** Sales mutations ("invoice sent") carrying this invoice number; `ours` = booked on this relation. */
  findSales(salesNumber: string, relationCode: string): Promise<BookedSale[]>;
  addSale(entry: SalesEntry, debtorLedger: string): Promise<string>;
  /** The relation code of the sales mutation booked under this number, if there is one (payments without an open item). */
  saleRelation(salesNumber: string): Promise<string | null>;
  /** The invoice a previous attempt created for this entry, by number or, when e-Boekhouden numbered it, by what identifies it. */
  findInvoice(entry: SalesEntry, options: InvoiceOptions): Promise<BookedInvoice | null>;
  addInvoice(entry: SalesEntry, options: InvoiceOptions): Promise<BookedInvoice>;
  /** The open item of a sale (outstanding debtor invoice), if e-Boekhouden lists one. */
  outstanding(invoiceNumber: string): Promise<OpenItem | null>;
  /** Payment mutations already booked on this invoice number with this entry document. */
  findPayments(invoiceNumber: string, entryNumber: string | undefined): Promise<string[]>;
  addPayment(payment: PaymentEntry): Promise<string>;
  administrations(): Promise<Choice[]>;
  ledgers(): Promise<LedgerInfo[]>;
  /** Invoice template names; null when the API cannot list them (SOAP: the manual's "cannot retrieve"). */
  templates(): Promise<string[] | null>;
  close(): Promise<void>;
}

export type BookedSale = { id: string; ours: boolean; total?: Decimal };
export type BookedInvoice = { id: string; number: string };
export type InvoiceOptions = { template: string; invoiceNumber?: string; withMutation: boolean; debtorLedger: string };
export type OpenItem = { invoiceNumber: string; relationCode?: string; total?: Decimal; outstanding: Decimal };
export type LedgerInfo = { code: string; description: string; category: string };
