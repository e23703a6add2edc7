import { money } from "@/lib/domain/money";
import type { SalesDocument } from "@/lib/domain/sales-document";
import { ConnectorError, paymentNotYet, type Booking, type ConnectorContext, type PaymentRegistration, type TargetConnector, type TargetDocumentRef } from "../types";
import type { BookedSale, Books, InvoiceOptions } from "./books";
import { booksFor } from "./books-for";
import { listBookedSales } from "./list-booked";
import { eboekhoudenSettingsSchema, type EboekhoudenSettings } from "./config";
import { buildSalesEntry, type SalesEntry } from "./entry";
import { buildPaymentEntry, type PaymentInput } from "./payment";
import { relationOf } from "./relation";
import { codesOfBase, firstFreeCode, relationBaseName } from "./relation-code";

export type PaymentResult = { id: string; already: boolean };

export type EboekhoudenTarget = TargetConnector & {
  /** Books a shop payment against its sale, as the manual's payment table says. */
  addPayment(payment: PaymentInput & { relationCode?: string }): Promise<PaymentResult>;
  registerPayment(payment: PaymentRegistration): Promise<TargetDocumentRef & { already?: boolean }>;
  /** Ends the API session (DELETE /v1/session, CloseSession). */
  close(): Promise<void>;
};

export function parseSettings(value: unknown): EboekhoudenSettings {
  const parsed = eboekhoudenSettingsSchema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new ConnectorError("config_invalid", `The e-Boekhouden settings are invalid (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(", ")}). Check them on the Configuration tab.`, false);
  }
  return parsed.data;
}

/** A taken code is followed by the next free one, a few times at most. */
const CODE_ATTEMPTS = 10;

/**
 * The e-Boekhouden target: mutations (default) or invoices, through the REST API (API token) or
 * the legacy SOAP API (username + security codes). Nothing is ever booked twice: before adding,
 * the sale is looked up by its sales number (invoices: by number, or by what identifies one
 * e-Boekhouden numbered), and a duplicate refusal is answered with the booking that exists.
 */
export function createEboekhoudenTarget(ctx: ConnectorContext<unknown>, settingsInput: unknown, injected?: Books): EboekhoudenTarget {
  const settings = parseSettings(settingsInput);
  const books = injected ?? booksFor(ctx);
  const invoiceOptions = (entry: SalesEntry): InvoiceOptions => ({
    template: settings.invoiceTemplate,
    invoiceNumber: settings.invoiceNumbering === "shop" ? entry.salesNumber : undefined,
    // The manual: legacy connections post invoices in accounting; token connections do so on request.
    withMutation: settings.invoiceWithMutation ?? books.api === "soap",
    debtorLedger: settings.debtorLedger,
  });

  /** A booked sale is ours when it is on our debtor and has the sign of our total (a credit never matches its order). */
  function ours(sales: BookedSale[], entry: SalesEntry): BookedSale | undefined {
    return sales.find((s) => s.ours && (!s.total || s.total.isZero() || s.total.isNegative() === entry.totals.incl.isNegative()));
  }

  const numberInUse = (entry: SalesEntry) =>
    new ConnectorError("number_in_use", `Sales number ${entry.salesNumber} is already used in e-Boekhouden by another booking. Sales numbers must be unique (also across integrations feeding this administration): correct it in e-Boekhouden, then click Process.`, false);

  async function bookMutation(entry: SalesEntry): Promise<TargetDocumentRef> {
    const before = await books.findSales(entry.salesNumber, entry.relationCode);
    const found = ours(before, entry);
    if (found) return { id: found.id, number: entry.salesNumber };
    if (before.length) throw numberInUse(entry);
    try {
      return { id: await books.addSale(entry, settings.debtorLedger), number: entry.salesNumber };
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.code !== "duplicate") throw err;
      // e-Boekhouden has this number: an earlier attempt whose answer was lost, or someone else's.
      const again = ours(await books.findSales(entry.salesNumber, entry.relationCode), entry);
      if (again) return { id: again.id, number: entry.salesNumber };
      throw numberInUse(entry);
    }
  }

  async function bookInvoice(entry: SalesEntry): Promise<TargetDocumentRef> {
    const options = invoiceOptions(entry);
    const before = await books.findInvoice(entry, options);
    if (before) return before;
    try {
      return await books.addInvoice(entry, options);
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.code !== "duplicate") throw err;
      const again = await books.findInvoice(entry, options);
      if (again) return again;
      throw numberInUse(entry);
    }
  }

  async function addPayment(payment: PaymentInput & { relationCode?: string }): Promise<PaymentResult> {
    const entryNumber = payment.transactionId?.trim() || undefined;
    const booked = await books.findPayments(payment.salesNumber, entryNumber);
    if (booked.length) return { id: booked[0]!, already: true };
    const amount = money(payment.amount, "payment amount");
    const item = await books.outstanding(payment.salesNumber);
    let relationCode = item?.relationCode ?? payment.relationCode;
    if (!settings.paymentsWithoutOutstandingItem) {
      if (!item || item.outstanding.isZero()) {
        throw paymentNotYet("not_outstanding", `e-Boekhouden shows no outstanding item for sale ${payment.salesNumber}, so the payment is not booked (it may not be booked yet, or already be paid).`);
      }
      if (!item.outstanding.eq(amount)) {
        throw paymentNotYet("amount_differs", `The payment of ${amount.toFixed(2)} does not match the ${item.outstanding.toFixed(2)} outstanding for sale ${payment.salesNumber} in e-Boekhouden, so it is not booked.`);
      }
    } else if (!item?.relationCode) {
      // The manual's "processing without outstanding item": no open item (paid already, beyond
      // the list's limit, or a partial payment): booked on the relation of the sale itself, which
      // must exist (a payment row names its invoice; e-Boekhouden refuses one it cannot find).
      relationCode = (await books.saleRelation(payment.salesNumber)) ?? undefined;
      if (!relationCode) throw paymentNotYet("invoice_not_found", `e-Boekhouden has no sale ${payment.salesNumber} to book the payment against (it may not be booked yet).`);
    }
    if (!relationCode) throw new ConnectorError("debtor_not_found", `No debtor is known for sale ${payment.salesNumber}, so the payment cannot be booked.`, false);
    const id = await books.addPayment(buildPaymentEntry(payment, relationCode, settings));
    return { id, already: false };
  }

  return {
    system: "eboekhouden",
    listBooked: (range) => listBookedSales(ctx, settings, range),

    async findDebtorByEmail(email) {
      const clean = email.trim();
      return clean ? books.findRelationByEmail(clean) : null;
    },

    async createDebtor(document: SalesDocument) {
      const email = document.customer.email?.trim();
      // A retry of a creation whose answer was lost finds that debtor instead of adding a second one.
      if (email) {
        const existing = await books.findRelationByEmail(email);
        if (existing) return existing;
      }
      const base = relationBaseName(document.customer.billing, email);
      const taken = codesOfBase(base, await books.relationCodesStartingWith(base));
      for (let attempt = 1; ; attempt++) {
        const code = firstFreeCode(base, taken);
        try {
          await books.createRelation(relationOf(document, code));
          return code;
        } catch (err) {
          // Taken after all (created meanwhile, or missed by the search): the next free number.
          if (err instanceof ConnectorError && err.code === "duplicate" && attempt < CODE_ATTEMPTS) {
            taken.push(code);
            continue;
          }
          throw err;
        }
      }
    },

    async findProductByCode(code) {
      // Mutations book on ledger accounts: no article is referenced, so any code will do as it is.
      if (settings.bookAs === "mutations") return code;
      return books.findArticle(code);
    },

    async createProduct(product) {
      throw new ConnectorError(
        "product_not_in_eboekhouden",
        `Article "${product.code}" (${product.description}) does not exist in e-Boekhouden, and the integration cannot create articles there. ` +
          `Add an article with code "${product.code}" in e-Boekhouden (Beheer > Artikelen), then click Process.`,
        false,
      );
    },

    /**
     * e-Boekhouden cannot search for our reference (neither API filters on it), so this finds
     * nothing; createInvoice does the real look-up, by sales number, before it adds anything.
     */
    async findInvoiceByReference() {
      return null;
    },

    async createInvoice(booking: Booking) {
      const entry = buildSalesEntry(booking, settings);
      return settings.bookAs === "invoices" ? bookInvoice(entry) : bookMutation(entry);
    },

    addPayment,

    /**
     * The manual's "Creating payment transactions": against the outstanding item of the sale,
     * booked under the sales number the sale carries (the document's target number). A payment
     * already booked on that number with this transaction id is found, never booked twice.
     */
    async registerPayment(p) {
      if (money(p.amount, "payment amount").isNegative()) {
        throw new ConnectorError("refund_not_supported", `This is a refund of ${p.amount} on ${p.salesNumber}. e-Boekhouden books payments received against an outstanding sale; book the refund by hand in e-Boekhouden (as a payment sent).`, false);
      }
      const salesNumber = p.document.number ?? p.salesNumber;
      const paid = await addPayment({ salesNumber, amount: p.amount, paidAt: p.paidAt, salesDate: p.documentDate, method: p.method, transactionId: p.transactionId, account: p.account });
      return { id: paid.id, number: salesNumber, already: paid.already };
    },

    close: () => books.close(),
  };
}
