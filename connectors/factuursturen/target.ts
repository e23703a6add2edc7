import { money } from "@/lib/domain/money";
import type { SalesDocument } from "@/lib/domain/sales-document";
import { differences, targetTotals, totalsPerRate, type TargetArithmetic } from "@/lib/domain/rounding";
import { ConnectorError, paymentNotYet, type Booking, type ConnectorContext, type TargetConnector, type TargetDocumentRef } from "../types";
import { createFactuursturenClient } from "./client";
import { listBookedInvoices } from "./list-booked";
import { factuursturenSettingsSchema, type FactuursturenSettings } from "./config";
import { planFactuursturenPayment, refuseRefund } from "./payment";
import { clientPayload, invoicePayload, savenameOf } from "./map";
import type { Invoice, Tax, TaxType } from "./schemas";
import { credentialKey, referenceCache } from "../kit/reference-cache";

export type FactuursturenTarget = TargetConnector & { createsProducts: false; arithmetic: (document: SalesDocument) => TargetArithmetic };

const same = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

function parseSettings(value: unknown): FactuursturenSettings {
  const parsed = factuursturenSettingsSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError("config_invalid", `The Factuursturen settings are invalid (${issue?.path.join(".")}: ${issue?.message}). Check them in the Configuration tab.`, false);
  }
  return parsed.data;
}

/** Our reference sits on a reference line; a search for it also matches other text, so compare exactly. */
const carries = (invoice: Invoice, reference: string) =>
  [invoice.reference.line1, invoice.reference.line2, invoice.reference.line3, invoice.invoicenote].some((v) => v !== undefined && v.trim() === reference);

const toRef = (invoice: Invoice): TargetDocumentRef | null => {
  const id = invoice.invoicenr ?? invoice.invoicenr_full ?? invoice.id;
  if (!id) return null;
  const number = invoice.invoicenr_full ?? invoice.invoicenr;
  return { id, ...(number ? { number } : {}) };
};

/**
 * Factuursturen computes VAT once per rate on the sum of that rate's lines, from prices incl. VAT
 * for an `intax` customer and excl. VAT for an `extax` one. A customer we create gets the
 * document's own basis, so that is what the pipeline plans for.
 */
export const arithmeticFor = (taxType: TaxType): TargetArithmetic => ({ vat: "rate", basis: taxType === "intax" ? "incl" : "excl" });

/**
 * An existing customer may have the other tax type than this document's prices (it is never
 * changed): then Factuursturen's sums must still equal the document's, per rate, to the cent.
 */
function checkCents(booking: Booking, taxType: TaxType): void {
  const want = totalsPerRate(booking.lines);
  const got = targetTotals(booking.lines, arithmeticFor(taxType));
  const [first] = differences(want, got);
  if (!first) return;
  const shop = want.find((t) => t.rate === first.rate)!;
  const booked = got.find((t) => t.rate === first.rate)!;
  const basis = (t: TaxType) => (t === "intax" ? "incl." : "excl.");
  const documentType: TaxType = booking.document.pricesIncludeVat ? "intax" : "extax";
  const fix =
    taxType === documentType
      ? "Factuursturen cannot reproduce the webshop's cents for this document; enter it manually in Factuursturen."
      : `Set that customer's prices to ${basis(documentType)} VAT in Factuursturen (as this document's prices are), then click Process.`;
  throw new ConnectorError(
    "rounding_mismatch",
    `At ${first.rate}% VAT the webshop charged ${shop.vat.toFixed(2)} VAT (${shop.incl.toFixed(2)} incl.), but Factuursturen, which computes VAT on the total per rate ` +
      `from prices ${basis(taxType)} VAT for customer ${booking.debtorId}, would book ${booked.vat.toFixed(2)} (${booked.incl.toFixed(2)} incl.). ${fix}`,
    false,
  );
}

/**
 * The manual's pre-check "a corresponding VAT code exists in Factuursturen for the VAT in each
 * line": every rate of the document must be one of the account's rates (/taxes).
 */
function checkRates(booking: Booking, taxes: Tax[]): void {
  const known = taxes.map((t) => money(t.percentage, "VAT percentage"));
  const missing = [...new Set(booking.lines.map((l) => money(l.vatRate).toFixed()))].filter((rate) => !known.some((k) => k.eq(rate)));
  if (missing.length === 0) return;
  const list = (rates: string[]) => rates.map((r) => `${r}%`).join(", ");
  throw new ConnectorError(
    "vat_rate_unmapped",
    `Factuursturen has no ${list(missing)} VAT rate, which this ${booking.document.kind === "creditnote" ? "credit note" : booking.document.kind} uses (the account has ${list(known.map((k) => k.toFixed())) || "none"}). ` +
      "Add the rate in Factuursturen, or correct the VAT in your webshop, then click Process.",
    false,
  );
}

/**
 * The Factuursturen target: customers found by email or created (never changed), invoices
 * created and "sent" by post or email as the merchant chose; no products (the manual), no VAT
 * codes (lines carry the document's own rate).
 */
export function createFactuursturenTarget(ctx: ConnectorContext<unknown>, settingsInput: unknown): FactuursturenTarget {
  const settings = parseSettings(settingsInput);
  const client = createFactuursturenClient(ctx);

  /** The account's VAT rates and the customer's tax type, cached for minutes (connectors/kit/reference-cache.ts). */
  const account = credentialKey(ctx.baseUrl, JSON.stringify(ctx.credentials ?? null));
  async function references(clientnr: string, reread: boolean): Promise<References> {
    const taxesKey = `factuursturen|taxes|${account}`;
    const clientKey = `factuursturen|client-tax-type|${account}|${clientnr}`;
    if (reread) [taxesKey, clientKey].forEach((key) => referenceCache.drop(key));
    const [taxes, taxType] = await Promise.all([
      referenceCache.get(taxesKey, () => client.listTaxes()),
      referenceCache.get(clientKey, async () => (await client.getClient(clientnr)).tax_type),
    ]);
    return { taxes: taxes.value, taxType: taxType.value, fresh: taxes.fresh && taxType.fresh };
  }

  const findInvoice = async (reference: string): Promise<TargetDocumentRef | null> => {
    const found = (await client.searchInvoices(reference)).find((i) => carries(i, reference));
    if (found) return toRef(found);
    if (settings.invoiceStatus !== "draft") return null;
    // Drafts are not in the invoice search: look among the saved ones, by save name or reference line.
    const draft = (await client.listSavedInvoices()).find((d) => d.savename === savenameOf(reference) || d.reference.line3?.trim() === reference);
    return draft ? { id: `saved-${draft.id}` } : null;
  };

  return {
    system: "factuursturen",
    listBooked: (range) => listBookedInvoices(client, range),
    createsProducts: false,
    arithmetic: (document) => arithmeticFor(document.pricesIncludeVat ? "intax" : "extax"),

    async findDebtorByEmail(email) {
      const wanted = email.trim();
      if (!wanted) return null;
      const found = await client.searchClientsByEmail(wanted);
      return found.find((c) => same(c.email, wanted))?.clientnr ?? null;
    },

    createDebtor: (document) => client.createClient(clientPayload(document, settings)),

    // The manual: "The integration does not create products in Factuursturen."
    findProductByCode: async () => null,
    async createProduct() {
      throw new ConnectorError("not_supported", "The integration does not create products in Factuursturen.", false);
    },

    findInvoiceByReference: findInvoice,

    /**
     * "Beyond the manuals" (off unless the integration's payments setting is on): a payment on the
     * invoice we booked (payment.ts says which facts are verified). A saved draft is looked up again
     * by our reference: once the merchant sent it, it has a number and takes payments.
     */
    async registerPayment(p) {
      refuseRefund(p);
      const ref = p.document.id.startsWith("saved-") ? await findInvoice(p.reference) : p.document;
      if (!ref || ref.id.startsWith("saved-")) {
        throw paymentNotYet("not_outstanding", `The Factuursturen invoice for ${p.salesNumber} is still a saved draft; a payment can be registered once it is sent. It is tried again tonight.`);
      }
      let invoice: Invoice;
      try {
        invoice = await client.getInvoice(ref.id);
      } catch (err) {
        if (err instanceof ConnectorError && err.code === "not_found") {
          throw paymentNotYet("invoice_not_found", `Factuursturen has no invoice ${ref.number ?? ref.id} for ${p.salesNumber} (any more), so the payment cannot be registered on it.`);
        }
        throw err;
      }
      const booked = toRef(invoice) ?? ref;
      const plan = planFactuursturenPayment(p, invoice, booked.id);
      if ("already" in plan) return { ...booked, already: true };
      await client.registerPayment(plan);
      return booked;
    },

    async createInvoice(booking: Booking) {
      if (booking.document.currency !== "EUR") {
        throw new ConnectorError("currency_not_supported", `This document is in ${booking.document.currency}; the integration books euro amounts in Factuursturen. Enter it manually in Factuursturen.`, false);
      }
      // A retry of this step after a lost answer must find the invoice, not create a second one;
      // only right after the pipeline's own look-up (nothing sent since) is it not repeated.
      if (!booking.lookedUp) {
        const existing = await findInvoice(booking.reference);
        if (existing) return existing;
      }
      const book = async ({ taxes, taxType }: References) => {
        checkRates(booking, taxes);
        checkCents(booking, taxType);
        // The tax type we priced the lines for goes on the invoice too, so a customer whose type
        // changed since we read it still gets exactly these cents.
        return client.createInvoice({ ...invoicePayload(booking, taxType, settings), tax_type: taxType });
      };
      let refs = await references(booking.debtorId, false);
      let created: string;
      try {
        created = await book(refs);
      } catch (err) {
        // A refusal our cached rates or customer type could explain: read both again, once.
        if (refs.fresh || !couldBeStale(err)) throw err;
        refs = await references(booking.debtorId, true);
        created = await book(refs);
      }
      // A saved draft answers its draft id and has no invoice number until it is sent.
      return settings.invoiceStatus === "draft" ? { id: `saved-${created}` } : { id: created, number: created };
    },
  };
}

type References = { taxes: Tax[]; taxType: TaxType; fresh: boolean };

/** Refusals outdated rates or an outdated customer type could explain (ours, or Factuursturen's own). */
const couldBeStale = (err: unknown) => err instanceof ConnectorError && !err.retryable && ["vat_rate_unmapped", "rounding_mismatch", "rejected", "not_found"].includes(err.code);
