import { money } from "@/lib/domain/money";
import { ConnectorError, paymentNotYet, type Booking, type ConnectorContext, type PaymentRegistration, type TargetConnector, type TargetDocumentRef } from "../types";
import { rompslompSettingsSchema, type RompslompSettings } from "./config";
import { cleanProductCode, contactPayload, paymentPayload, productPayload, salesInvoicePayload, type ProductInput } from "./map";
import type { SalesInvoice } from "./schemas";
import { undoRompslompBooking } from "./undo";
import { createSession, type RompslompAuthOptions } from "./session";
import { listBookedInvoices } from "./list-booked";

export type RompslompInvoice = TargetDocumentRef & { status: string; paymentStatus?: string; openAmount?: string; total?: string };

export type RompslompTarget = TargetConnector & {
  /** The invoice booked under our reference, with what payments need to know (for booking payments). */
  findInvoice(reference: string): Promise<RompslompInvoice | null>;
  /** Adds a payment to a booked invoice, on the configured clearing account. */
  addPayment(invoiceId: string, payment: { amount: string; paidAt: string; number: string; transactionId?: string; accountId?: string }): Promise<RompslompInvoice>;
  registerPayment(payment: PaymentRegistration): Promise<TargetDocumentRef & { already?: boolean }>;
};

const sameText = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

const toRef = (invoice: SalesInvoice): RompslompInvoice => ({
  id: invoice.id,
  ...(invoice.invoice_number ? { number: invoice.invoice_number } : {}),
  status: invoice.status,
  paymentStatus: invoice.payment_status,
  openAmount: invoice.open_amount,
  total: invoice.price_with_vat,
});

function parseSettings(value: unknown): RompslompSettings {
  const parsed = rompslompSettingsSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConnectorError("config_invalid", `The Rompslomp settings are incomplete (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}). Choose the administration in the Configuration tab.`, false);
  }
  return parsed.data;
}

/**
 * The Rompslomp target. ctx.credentials are the OAuth tokens; refreshed tokens are handed to
 * `options.onTokens` (or `onCredentials`) for the caller to persist.
 */
export function createRompslompTarget(ctx: ConnectorContext<unknown>, settingsInput: unknown, options: RompslompAuthOptions = {}): RompslompTarget {
  const settings = parseSettings(settingsInput);
  const session = createSession(ctx, options);
  const cid = settings.companyId;

  const findInvoice = async (reference: string) => {
    const found = await session.authorized((c) => c.findSalesInvoicesByReference(cid, reference));
    const invoice = found.find((i) => i.api_reference === reference);
    return invoice ? toRef(invoice) : null;
  };

  const addPayment: RompslompTarget["addPayment"] = async (invoiceId, payment) => {
    const accountId = payment.accountId ?? settings.paymentClearingAccountId;
    if (!accountId) throw new ConnectorError("payment_account_missing", "No clearing account is set for payments in Rompslomp. Choose one on the Configuration tab (Payments), then click Process.", false);
    const invoice = await session.authorized((c) => c.addSalesInvoicePayment(cid, invoiceId, paymentPayload({ ...payment, accountId })));
    return toRef(invoice);
  };

  return {
    system: "rompslomp",
    // The sandbox follows our reading of Rompslomp: line excl. = round(quantity × price), VAT = round(excl. × rate) per line.
    arithmetic: { vat: "line", basis: "excl" },
    listBooked: (range) => listBookedInvoices((fn) => session.authorized(fn), cid, range),

    async findDebtorByEmail(email) {
      if (!email.trim()) return null;
      const found = await session.authorized((c) => c.findContactsByEmail(cid, email.trim()));
      return (found.find((x) => sameText(x.contact_person_email_address, email)) ?? found[0])?.id ?? null;
    },

    async createDebtor(document) {
      const contact = await session.authorized((c) => c.createContact(cid, contactPayload(document)));
      return contact.id;
    },

    async findProductByCode(code) {
      const clean = cleanProductCode(code);
      const found = await session.authorized((c) => c.findProductsByCode(cid, clean));
      return found.find((p) => sameText(p.invoice_line?.product_code, clean))?.id ?? null;
    },

    async createProduct(product: ProductInput) {
      const created = await session.authorized((c) => c.createProduct(cid, productPayload(product)));
      return created.id;
    },

    async findInvoiceByReference(reference) {
      const invoice = await findInvoice(reference);
      return invoice ? { id: invoice.id, ...(invoice.number ? { number: invoice.number } : {}) } : null;
    },

    async createInvoice(booking: Booking) {
      if (booking.document.currency !== "EUR") {
        throw new ConnectorError("currency_not_supported", `Rompslomp books amounts in euros; this document is in ${booking.document.currency} and carries no exchange rate. Enter it manually in Rompslomp.`, false);
      }
      const payload = salesInvoicePayload(booking, settings);
      try {
        const invoice = await session.authorized((c) => c.createSalesInvoice(cid, payload));
        return { id: invoice.id, ...(invoice.invoice_number ? { number: invoice.invoice_number } : {}) };
      } catch (err) {
        // api_reference is unique: if a lost answer left the invoice in place, this is that invoice.
        if (err instanceof ConnectorError && err.code === "rejected") {
          const existing = await findInvoice(booking.reference).catch(() => null);
          if (existing) return { id: existing.id, ...(existing.number ? { number: existing.number } : {}) };
        }
        throw err;
      }
    },

    findInvoice,

    addPayment,

    undoBooking: undoRompslompBooking(session, cid),

    /**
     * The manual's "Process payments": find the unpaid invoice by our reference and add the
     * payment. Rompslomp lists no payments per invoice, so what is paid already (total − open) is
     * compared with what we booked before: equal to that plus this payment = added by an attempt
     * whose answer was lost.
     */
    async registerPayment(p) {
      const invoice = await findInvoice(p.reference);
      if (!invoice) throw paymentNotYet("invoice_not_found", `Rompslomp has no invoice for ${p.salesNumber} (reference ${p.reference}) yet, so the payment cannot be added to it.`);
      const ref = { id: invoice.id, ...(invoice.number ? { number: invoice.number } : {}) };
      const amount = money(p.amount, "payment amount");
      const open = money(invoice.openAmount ?? "0", "open amount");
      const paid = money(invoice.total ?? "0", "invoice total").minus(open);
      if (!amount.isZero() && paid.eq(money(p.bookedBefore, "booked before").plus(amount))) return { ...ref, already: true };
      if (open.isZero()) throw paymentNotYet("not_outstanding", `Rompslomp invoice ${invoice.number ?? invoice.id} (${p.salesNumber}) is already paid in full, so the payment of ${amount.toFixed(2)} is not added.`);
      await addPayment(invoice.id, { amount: p.amount, paidAt: p.paidAt, number: p.salesNumber, transactionId: p.transactionId, accountId: p.account });
      return ref;
    },
  };
}
