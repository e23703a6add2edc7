import { undoWefactBooking } from "./undo";
import { money } from "@/lib/domain/money";
import { planWefactPayment, refuseRefund } from "./payment";
import { ConnectorError, paymentNotYet, type Booking, type BookingLine, type ConnectorContext, type TargetConnector, type TargetDocumentRef } from "../types";
import { clientFor, type WefactClient } from "./client";
import { listBookedInvoices } from "./list-booked";
import { wefactSettingsSchema, type WefactSettings } from "./config";
import { cleanProductCode, debtorPayload, invoicePayload, productPayload, referenceIn, type ProductInput } from "./map";
import type { Invoice, TaxCode } from "./schemas";
import { percentageOf } from "./vat-codes";
import { credentialKey, referenceCache } from "../kit/reference-cache";
import { wefactCredentialsSchema } from "./config";

/** How many search hits we open to read their comment; a reference is on one invoice, at most a handful match its text. */
const MAX_CANDIDATES = 10;

const sameText = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

/** A draft carries a placeholder number ("[concept]0001") until it is sent: not worth showing. */
const toRef = (invoice: Invoice): TargetDocumentRef => ({
  id: invoice.Identifier,
  ...(invoice.InvoiceCode && !invoice.InvoiceCode.startsWith("[concept]") ? { number: invoice.InvoiceCode } : {}),
});

function parseSettings(value: unknown): WefactSettings {
  const parsed = wefactSettingsSchema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new ConnectorError("config_invalid", `The WeFact settings are invalid (${parsed.error.issues.map((i) => i.path.join(".") || i.message).join(", ")}). Check the Configuration tab.`, false);
  }
  return parsed.data;
}

/**
 * The VAT code decides the rate WeFact books, so a grid row pointing at a code with another rate
 * would book wrong VAT. The manual: the shop's percentage counts; we refuse rather than book it wrong.
 */
function checkVatCodes(lines: BookingLine[], codes: TaxCode[]) {
  for (const line of lines) {
    const code = codes.find((c) => c.TaxCode === line.vatCode);
    const rate = money(line.vatRate).toFixed();
    if (!code) {
      throw new ConnectorError("vat_code_unknown", `The VAT code "${line.vatCode}" configured for ${rate}% (line "${line.description}") does not exist in WeFact. Choose an existing code in the VAT grid on the Configuration tab, then click Process.`, false);
    }
    if (!percentageOf(code).eq(money(line.vatRate))) {
      throw new ConnectorError("vat_code_mismatch", `The VAT code "${code.TaxCode}" is ${percentageOf(code).toFixed()}% in WeFact, but line "${line.description}" has ${rate}% VAT. Map ${rate}% to a WeFact code with that rate in the VAT grid, then click Process.`, false);
    }
  }
}

/** The WeFact target. ctx.credentials = { apiKey }; settings per config.ts (manual defaults). */
export function createWefactTarget(ctx: ConnectorContext<unknown>, settingsInput: unknown): TargetConnector {
  const settings = parseSettings(settingsInput);
  let client: WefactClient | undefined;
  const api = () => (client ??= clientFor(ctx));

  /** Sending is part of booking when the merchant asked for it; a retry that finds an unsent invoice sends it. */
  const sendIfAsked = async (invoice: Invoice): Promise<Invoice> =>
    settings.sendByEmail && Number(invoice.Sent ?? 0) === 0 ? api().sendInvoiceByEmail(invoice.Identifier) : invoice;

  async function findByReference(reference: string): Promise<Invoice | null> {
    const hits = await api().findInvoices("Comment", `[ref:${reference}]`);
    // A credit invoice (8) or a credited one (9) is an undone booking, never the booking of this document.
    for (const hit of hits.filter((h) => h.Status !== "8" && h.Status !== "9").slice(0, MAX_CANDIDATES)) {
      // The search matches text; the comment must carry exactly our reference.
      const invoice = hit.Comment === undefined ? await api().showInvoice(hit.Identifier) : hit;
      if (referenceIn(invoice.Comment) === reference) return invoice;
    }
    return null;
  }

  return {
    system: "wefact",
    listBooked: (range) => listBookedInvoices(api, range),
    undoBooking: undoWefactBooking(api),

    async findDebtorByEmail(email) {
      const wanted = email.trim();
      if (!wanted) return null;
      const found = await api().findDebtorsByEmail(wanted);
      return found.find((d) => sameText(d.EmailAddress, wanted))?.Identifier ?? null;
    },

    async createDebtor(document) {
      return (await api().addDebtor(debtorPayload(document))).Identifier;
    },

    /** Our product id is WeFact's product code: it is what an invoice line refers to. */
    async findProductByCode(code) {
      if (!settings.createProducts) return null;
      const clean = cleanProductCode(code);
      const found = await api().findProductsByCode(clean);
      return found.find((p) => sameText(p.ProductCode, clean))?.ProductCode ?? null;
    },

    /**
     * With product creation off (the manual's default) nothing is created and no call is made; the
     * empty id means "no product", so invoice lines carry no product code.
     */
    async createProduct(product: ProductInput) {
      if (!settings.createProducts) return "";
      return (await api().addProduct(productPayload(product, settings.costCenter))).ProductCode;
    },

    async findInvoiceByReference(reference) {
      const invoice = await findByReference(reference);
      return invoice ? toRef(await sendIfAsked(invoice)) : null;
    },

    /**
     * "Beyond the manuals" (off unless the integration's payments setting is on): mark as paid, or
     * a part payment, on the invoice we booked (payment.ts says which facts are verified).
     * Idempotent without a key: what WeFact shows as paid is compared with what we booked before.
     */
    async registerPayment(p) {
      refuseRefund(p);
      let invoice: Invoice;
      try {
        invoice = await api().showInvoice(p.document.id);
      } catch (err) {
        if (err instanceof ConnectorError && err.code === "rejected" && /niet gevonden|not found/i.test(err.message)) {
          throw paymentNotYet("invoice_not_found", `WeFact has no invoice ${p.document.number ?? p.document.id} for ${p.salesNumber} (any more), so the payment cannot be registered on it.`);
        }
        throw err;
      }
      const ref = toRef(invoice);
      const plan = planWefactPayment(p, invoice);
      if ("already" in plan) return { ...ref, already: true };
      await api().registerPayment(plan);
      return ref;
    },

    async createInvoice(booking: Booking) {
      // A retried step (its first attempt timed out after WeFact booked it) must find that invoice:
      // WeFact has no idempotency key, so we look our reference up right before creating, unless
      // the pipeline's own look-up just did and nothing was sent since.
      if (!booking.lookedUp) {
        const existing = await findByReference(booking.reference);
        if (existing) return toRef(await sendIfAsked(existing));
      }
      if (booking.document.currency !== "EUR") {
        throw new ConnectorError("currency_not_supported", `The integration books WeFact invoices in euros; this document is in ${booking.document.currency}. Enter it manually in WeFact.`, false);
      }
      // The sale VAT codes, cached for minutes: a code the grid names that the cache lacks or has
      // at another rate, or an add WeFact refuses, is checked again on a fresh list before failing.
      const invoice = await referenceCache.withFresh(
        taxCodesKey(ctx),
        async () => (await api().settings()).Tax?.Codes?.Sale ?? [],
        async (taxCodes) => {
          checkVatCodes(booking.lines, taxCodes);
          return api().addInvoice(invoicePayload(booking, settings));
        },
        couldBeStaleCodes,
      );
      return toRef(await sendIfAsked(invoice));
    },
  };
}

/** The sale VAT codes of one WeFact account (endpoint + API key). */
function taxCodesKey(ctx: ConnectorContext<unknown>): string {
  const apiKey = wefactCredentialsSchema.safeParse(ctx.credentials).data?.apiKey ?? "";
  return `wefact|tax-codes|${credentialKey(ctx.baseUrl, apiKey)}`;
}

/** Refusals an outdated list of VAT codes could explain (a code added, removed or changed since). */
const couldBeStaleCodes = (err: unknown) =>
  err instanceof ConnectorError && !err.retryable && ["vat_code_unknown", "vat_code_mismatch", "rejected"].includes(err.code);
