import { z } from "zod";
import type { TargetArithmetic } from "@/lib/domain/rounding";
import type { SalesDocument, SalesLine } from "@/lib/domain/sales-document";

/** Every external system, by the id used in sandbox paths, the registry and the database. */
export const sourceSystemSchema = z.enum(["magento2", "magento1", "ccvshop", "prestashop", "kmoshops"]);
export const targetSystemSchema = z.enum(["rompslomp", "eboekhouden", "wefact", "factuursturen"]);
export const systemSchema = z.enum([...sourceSystemSchema.options, ...targetSystemSchema.options]);

export type SourceSystem = z.infer<typeof sourceSystemSchema>;
export type TargetSystem = z.infer<typeof targetSystemSchema>;
export type SystemId = z.infer<typeof systemSchema>;

export const systemNames: Record<SystemId, string> = {
  magento2: "Magento 2",
  magento1: "Magento 1.9",
  ccvshop: "CCV Shop",
  prestashop: "PrestaShop",
  kmoshops: "KMO Shops",
  rompslomp: "Rompslomp",
  eboekhouden: "e-Boekhouden",
  wefact: "WeFact",
  factuursturen: "Factuursturen",
};

/**
 * What every connector throws. `code` is stable (shown on the Errors tab and used for grouping);
 * `retryable` decides between a retry with backoff and a permanent error the merchant must fix.
 */
export class ConnectorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly detail?: { status?: number; retryAfterMs?: number; body?: string },
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}

// ─── Connector contracts ───────────────────────────────────────────────────

export type DocumentKind = "order" | "invoice" | "creditnote";

/** One call to an external system as recorded for the Errors tab's "More info" (secrets redacted). */
export type ExternalCallRecord = {
  /** A connector's system, or "vies" for the EU's VAT-number service. */
  system: SystemId | "vies";
  method: string;
  url: string;
  requestBody?: string;
  status?: number;
  responseBody?: string;
  durationMs: number;
  error?: string;
};

/** What every connector client is built with. `fetch` is injectable for tests; `onCall` feeds the audit log. */
export type ConnectorContext<Credentials = Record<string, unknown>> = {
  baseUrl: string;
  credentials: Credentials;
  fetch?: typeof fetch;
  onCall?: (call: ExternalCallRecord) => void;
  /** Per-request timeout; a timeout is a retryable ConnectorError("timeout"). */
  timeoutMs?: number;
};

/** A shop document as fetched, with the related resources the mapping needs (rows, customer…). */
export type SourceDocument = {
  kind: DocumentKind;
  sourceId: string;
  number?: string;
  /** The shop's own JSON (plus embedded related resources under their own names). */
  payload: unknown;
};

/** Whether a document may be booked now under the integration's settings. */
export type Eligibility = { eligible: true } | { eligible: false; reason: string };

export type SourcePayment = {
  sourceId: string;
  documentSourceId: string;
  amount: string;
  currency: string;
  method?: string;
  paidAt: string;
  transactionId?: string;
};

/** A target line: the normalized line with what the merchant's configuration resolved for it. */
export type BookingLine = SalesLine & { vatCode: string; ledgerAccount?: string; productId?: string };

/** Everything a target needs to create one invoice. */
export type Booking = {
  document: SalesDocument;
  lines: BookingLine[];
  debtorId: string;
  /** Our idempotency reference, stored on the target document so a retry finds it instead of booking twice. */
  reference: string;
  /** Order number, or invoice number when the merchant chose so; "Credit " prefix for credits is the target's business. */
  description: string;
  dueDate: string;
  templateId?: string;
  /**
   * True when findInvoiceByReference found nothing just before and no create for this reference
   * can have been sent since (lib/pipeline/fresh-lookups.ts): a target whose findInvoiceByReference
   * is its real duplicate guard may skip looking again. Absent or false: look before creating.
   */
  lookedUp?: boolean;
};

export type TargetDocumentRef = { id: string; number?: string };

/** One shop payment to book against the document the integration booked earlier. */
export type PaymentRegistration = {
  /** Our booking reference of the document (what findInvoiceByReference looks for). */
  reference: string;
  /** The booked document in the target: its id and number as createInvoice returned them. */
  document: TargetDocumentRef;
  /** The shop's order/invoice number the document was booked under (for descriptions). */
  salesNumber: string;
  /** Decimal string; negative for a refund. */
  amount: string;
  /** YYYY-MM-DD or an ISO timestamp. */
  paidAt: string;
  /** The booked document's date (YYYY-MM-DD), for targets that date a payment by its sale (e-Boekhouden's manual). */
  documentDate?: string;
  /** The shop's payment method as it named it. */
  method?: string;
  transactionId?: string;
  /**
   * The sum of this document's other payments the integration already booked: with the target's
   * open amount it tells whether this payment is already there (an answer that was lost).
   */
  bookedBefore: string;
  /** Clearing/offset account for this payment's method (the "payments" setting); absent = the target's own setting. */
  account?: string;
};

/**
 * Codes meaning "not yet": the invoice is not in the target (yet), not outstanding, or its open
 * amount differs. The payment waits and is tried again on the following nights, then lands on Errors.
 */
export const PAYMENT_NOT_YET_CODES = ["invoice_not_found", "not_outstanding", "amount_differs"] as const;
export type PaymentNotYetCode = (typeof PAYMENT_NOT_YET_CODES)[number];
export const paymentNotYet = (code: PaymentNotYetCode, message: string) => new ConnectorError(code, message, false);
export const isPaymentNotYet = (code: string): code is PaymentNotYetCode => (PAYMENT_NOT_YET_CODES as readonly string[]).includes(code);

/** One document in the accounting system as a reconciliation reads it back (listBooked). */
export type BookedTargetDocument = {
  id: string;
  number?: string;
  /** Our booking reference where the system stores it (what findInvoiceByReference looks for). */
  reference?: string;
  /** YYYY-MM-DD */
  date?: string;
  /** Decimal strings as the system reports them. */
  totalIncl?: string;
  totalExcl?: string;
};

/** Accounting system: every method is one external call (the pipeline wraps each in its own step). */
export interface TargetConnector {
  system: TargetSystem;
  /**
   * How the system computes VAT from the lines we send (default: per line, from amounts excl. VAT).
   * A function where it depends on the document (Factuursturen: incl. or excl. VAT prices, as the
   * customer's tax type, set from the document's own basis).
   */
  arithmetic?: TargetArithmetic | ((document: SalesDocument) => TargetArithmetic);
  /**
   * `false` for systems the integration never creates products in (Factuursturen): the pipeline
   * then skips the product step and books lines by description; findProductByCode/createProduct
   * are not called. Absent = products are found or created per line.
   */
  createsProducts?: false;
  findDebtorByEmail(email: string): Promise<string | null>;
  createDebtor(document: SalesDocument): Promise<string>;
  findProductByCode(code: string): Promise<string | null>;
  createProduct(product: { code: string; description: string; vatRate: string; unitPriceExcl: string; vatCode?: string; ledgerAccount?: string }): Promise<string>;
  findInvoiceByReference(reference: string): Promise<TargetDocumentRef | null>;
  createInvoice(booking: Booking): Promise<TargetDocumentRef>;
  /**
   * Books one payment against the booked document, once: a retry after a lost answer finds the
   * payment it made instead of paying twice. Throws `paymentNotYet(…)` when the document is not
   * there or not open (yet). Absent = the system cannot register payments.
   */
  registerPayment?(payment: PaymentRegistration): Promise<TargetDocumentRef & { already?: boolean }>;
  /**
   * Reconciliation: every sales document the system holds dated in [from, to] (YYYY-MM-DD,
   * inclusive), all pages walked. Absent = the system cannot be checked.
   */
  listBooked?(range: { from: string; to: string }): Promise<BookedTargetDocument[]>;
  /**
   * Undoes a booking the integration made: deletes it where the system allows that (drafts,
   * concepts), else credits it in full. Afterwards findInvoiceByReference no longer finds it, so the
   * document can be booked again. Throws a non-retryable ConnectorError where the system refuses.
   * Absent = the system's API offers no way to undo a booking.
   */
  undoBooking?(ref: TargetDocumentRef): Promise<UndoneBooking>;
}

/** How a booking was undone: gone from the target, or cancelled by a credit document (`creditRef`). */
export type UndoneBooking = { how: "deleted" } | { how: "credited"; creditRef: TargetDocumentRef };

/** Webshop: fetching is an external call; eligibility and normalizing are pure (map.ts). */
export interface SourceConnector {
  system: SourceSystem;
  fetchDocument(kind: DocumentKind, id: string): Promise<SourceDocument>;
  eligibility(doc: SourceDocument): Eligibility;
  normalize(doc: SourceDocument): SalesDocument;
  payments?(doc: SourceDocument): SourcePayment[];
  /**
   * Polling shops (and the backstop poll of webhook shops): which documents were created or changed
   * after `cursor`, one bounded batch at a time. `cursor` is opaque to the pipeline (kept on the
   * integration); null = never polled, start at `startDate` (YYYY-MM-DD, the integration's start).
   * The requests made must be proportional to what is new, never to what the shop holds.
   * `more` = call again with the returned cursor right away.
   */
  pollChanges?(args: { cursor: string | null; startDate: string }): Promise<PollResult>;
  /**
   * Shops whose changes a cursor can miss (PrestaShop): every document of the re-check window that
   * may be bookable, for the nightly re-check. Already booked ones are skipped by the pipeline.
   */
  recheckWindow?(args?: { now?: Date }): Promise<{ kind: DocumentKind; sourceId: string }[]>;
  /**
   * History import: the documents this integration books that were created from `from` through `to`
   * (YYYY-MM-DD, both included, Dutch calendar), one bounded page at a time through the shop's own
   * date filters. `cursor` null = first page; `more` = call again with the returned cursor.
   */
  listHistory?(args: HistoryRange & { cursor: string | null }): Promise<HistoryPage>;
  /**
   * The scheduled payments check (CCV Shop, six times a day): the payments of documents created
   * from `from` (YYYY-MM-DD) on, read from the shop's list endpoint one bounded page at a time
   * (never a request per document). `cursor` null = first page; `more` = call again with it.
   */
  listPayments?(args: { from: string; cursor: string | null }): Promise<PaymentPage>;
}

/** One page of a payments check: each payment with the kind of the document it belongs to. */
export type PaymentPage = { payments: (SourcePayment & { kind: DocumentKind })[]; cursor: string; more: boolean };

export type HistoryRange = { from: string; to: string };
/**
 * One page of a history listing. `documents`, when given, are the page's documents exactly as
 * fetchDocument returns them (read from the list itself), so a scan need not fetch each one.
 */
export type HistoryPage = PollResult & { documents?: SourceDocument[] };

/**
 * `recheck`: listed again from the poll's look-back window (a document that became visible in the
 * shop after later ones, e.g. its transaction committed last): recorded and processed only if it
 * is new to us, so known documents are not processed again on every poll.
 */
export type PollNotice = { kind: DocumentKind; sourceId: string; recheck?: boolean };

export type PollResult = { notices: PollNotice[]; cursor: string; more: boolean };
