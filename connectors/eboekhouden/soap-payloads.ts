import type { EntryLine, SalesEntry } from "./entry";
import type { PaymentEntry } from "./payment";
import type { RelationFields } from "./relation";
import { amountText } from "./unit-price";
import { el, elements, type XmlElement } from "./xml";

/**
 * PURE: an entry as the SOAP API's objects (reference §2.B), elements in the WSDL's order.
 * The SOAP API names ledgers by code, relations by code and templates by name, as we do.
 * Cost centres are never sent (manual: "CostCenterID — this is never provided").
 */

const dateTime = (date: string) => `${date}T00:00:00`;
const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function mutationLine(line: EntryLine): XmlElement[] {
  return elements([
    ["BedragInvoer", amountText(line.excl)],
    ["BedragExclBTW", amountText(line.excl)],
    ["BedragBTW", amountText(line.vat)],
    ["BedragInclBTW", amountText(line.incl)],
    ["BTWCode", line.vatCode],
    ["BTWPercentage", amountText(line.vatRate)],
    ["TegenrekeningCode", line.ledger],
  ]);
}

/**
 * oMut of the sale (manual: TYPE 2 "invoice sent", ACCOUNT 1300, DESCRIPTION, INVOICE, PAYMENT
 * REFERENCE, DATE, INEX EX, RelationCode; lines AMOUNTEXCL, AMOUNTINCL, VATAMOUNT, VAT code, OFFSET ACCOUNT).
 * The mutation number is left to e-Boekhouden.
 */
export function soapSalesMutation(entry: SalesEntry, debtorLedger: string): XmlElement[] {
  return elements([
    ["Soort", "FactuurVerstuurd"],
    ["Datum", dateTime(entry.date)],
    ["Rekening", debtorLedger],
    ["RelatieCode", entry.relationCode],
    ["Factuurnummer", entry.salesNumber],
    ["Omschrijving", cut(entry.description, 200)],
    ["Betalingstermijn", String(entry.paymentTerm)],
    ["Betalingskenmerk", entry.salesNumber],
    ["InExBTW", "EX"],
    ["MutatieRegels", entry.lines.map((line) => el("cMutatieRegel", mutationLine(line)))],
  ]);
}

export type SoapInvoiceOptions = { template: string; invoiceNumber?: string; postInAccounting: boolean };

/** oFact (manual: the invoice table). Prices are per unit excl. VAT, as the manual says. */
export function soapInvoice(entry: SalesEntry, options: SoapInvoiceOptions): XmlElement[] {
  return elements([
    ["Factuurnummer", options.invoiceNumber],
    ["Relatiecode", entry.relationCode],
    ["Datum", dateTime(entry.date)],
    ["Betalingstermijn", String(entry.paymentTerm)],
    ["Factuursjabloon", options.template],
    ["PerEmailVerzenden", "false"],
    ["AutomatischeIncasso", "false"],
    ["InBoekhoudingPlaatsen", options.postInAccounting ? "true" : "false"],
    ["BoekhoudmutatieOmschrijving", cut(entry.description, 200)],
    [
      "Regels",
      entry.lines.map((line) =>
        el("cFactuurRegel", elements([
          ["Aantal", line.quantity.toFixed()],
          ["Code", line.code ? cut(line.code, 50) : undefined],
          ["Omschrijving", cut(line.description, 500)],
          ["PrijsPerEenheid", amountText(line.priceExcl)],
          ["BTWCode", line.vatCode],
          ["TegenrekeningCode", line.ledger],
        ])),
      ),
    ],
  ]);
}

/** oRel of a new debtor. `addDate` is the day it is created. */
export function soapRelation(r: RelationFields, addDate: string): XmlElement[] {
  return elements([
    ["ID", "0"],
    ["AddDatum", dateTime(addDate)],
    ["Code", r.code],
    ["Bedrijf", r.name],
    ["Contactpersoon", r.contact],
    ["Adres", r.address],
    ["Postcode", r.postalCode],
    ["Plaats", r.city],
    ["Land", r.country],
    ["Telefoon", r.phone],
    ["Email", r.email],
    ["BTWNummer", r.vatNumber],
    ["KvkNummer", r.coc],
    ["BP", r.type],
    ["Gb_ID", "0"],
    ["GeenEmail", "0"],
    ["NieuwsbriefgroepenCount", "0"],
  ]);
}

/** oMut of a payment (manual: the payment mutation table: InExVAT IN, one line with no VAT). */
export function soapPaymentMutation(p: PaymentEntry): XmlElement[] {
  const amount = amountText(p.amount);
  return elements([
    ["Soort", "FactuurbetalingOntvangen"],
    ["Datum", dateTime(p.date)],
    ["Rekening", p.account],
    ["RelatieCode", p.relationCode],
    ["Factuurnummer", p.invoiceNumber],
    ["Boekstuk", p.entryNumber],
    ["Omschrijving", cut(p.description, 200)],
    ["Betalingstermijn", String(p.paymentTerm)],
    ["InExBTW", "IN"],
    [
      "MutatieRegels",
      [el("cMutatieRegel", elements([
        ["BedragInvoer", amount],
        ["BedragExclBTW", amount],
        ["BedragBTW", "0.00"],
        ["BedragInclBTW", amount],
        ["BTWCode", "GEEN"],
        ["BTWPercentage", "0"],
        ["TegenrekeningCode", p.offsetLedger],
      ]))],
    ],
  ]);
}
