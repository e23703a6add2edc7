import { randomBytes } from "node:crypto";
import type Decimal from "decimal.js";
import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { D } from "@/lib/domain/money";
import { SOAP_ERROR } from "../soap-errors";
import { vatCodeInfo } from "../vat-codes";
import { child, childrenNamed, elements, escapeXml, parseXml, path, textOf, toXml, XmlError, type XmlElement, type XmlNode } from "../xml";
import { addInvoice, addMutation, addRelation, dec, isIsoDate, ledgerByCode, openItems, relationByCode, rowTotals, TYPE, type BookError, type RowInput } from "./ledger-book";
import type { EboekhoudenState, InvoiceJson, MutationJson, RelationJson } from "./state";

/**
 * The legacy SOAP API (reference §2.B) at /soap.asmx: SOAP 1.1 (`SOAPAction` header) and 1.2
 * envelopes, namespace http://www.e-boekhouden.nl/soap. OpenSession checks username and the two
 * security codes; every other operation needs the SessionID and SecurityCode2. Errors come in
 * the result's ErrorMsg with HTTP 200 (codes: ../soap-errors.ts); malformed requests get a SOAP Fault (500).
 */

type Ctx = SandboxContext<EboekhoudenState>;
const NS = "http://www.e-boekhouden.nl/soap";
const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
const SESSION_MS = 30 * 60_000;

type OpResult = { ok: true; value: XmlElement[] } | { ok: false; code: string; description: string };
const ok = (value: XmlElement[] = []): OpResult => ({ ok: true, value });
const error = (code: string, description: string): OpResult => ({ ok: false, code, description });
/** A value the XmlSerializer cannot read: the whole request fails with a Fault, as ASMX does. */
class BadValue extends Error {}

const SOAP_CODES: Record<string, string> = {
  MUT_019: SOAP_ERROR.invoiceExists, MUT_020: SOAP_ERROR.invoiceExists, FACT_101: SOAP_ERROR.invoiceExists, REL_049: SOAP_ERROR.relationExists,
  MUT_013: SOAP_ERROR.notFound, FACT_002: SOAP_ERROR.notFound, MUT_007: SOAP_ERROR.notFound, MUT_104: SOAP_ERROR.notFound, MUT_115: SOAP_ERROR.notFound,
  FACT_ITEM_012: SOAP_ERROR.notFound, FACT_018: SOAP_ERROR.notFound, FACT_ITEM_011: SOAP_ERROR.notFound,
};
const fromBook = (e: BookError): OpResult => error(SOAP_CODES[e.code] ?? SOAP_ERROR.validation, `${e.message}${e.propertyName ? ` (${e.propertyName})` : ""}`);

// ─── Envelope ───────────────────────────────────────────────────────────────

function respond(soapNs: string, status: number, body: string): Response {
  const prefix = soapNs === SOAP12 ? "soap12" : "soap";
  return new Response(
    `<?xml version="1.0" encoding="utf-8"?><${prefix}:Envelope xmlns:${prefix}="${soapNs}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><${prefix}:Body>${body}</${prefix}:Body></${prefix}:Envelope>`,
    { status, headers: { "Content-Type": `${soapNs === SOAP12 ? "application/soap+xml" : "text/xml"}; charset=utf-8` } },
  );
}

function fault(soapNs: string, client: boolean, message: string): Response {
  const body = soapNs === SOAP12
    ? `<soap12:Fault><soap12:Code><soap12:Value>soap12:${client ? "Sender" : "Receiver"}</soap12:Value></soap12:Code><soap12:Reason><soap12:Text xml:lang="en">${escapeXml(message)}</soap12:Text></soap12:Reason><soap12:Detail /></soap12:Fault>`
    : `<soap:Fault><faultcode>soap:${client ? "Client" : "Server"}</faultcode><faultstring>${escapeXml(message)}</faultstring><detail /></soap:Fault>`;
  return respond(soapNs, 500, body);
}

export async function soapApi(ctx: Ctx): Promise<Response> {
  if (ctx.req.method === "GET") {
    return new Response("<html><body><h1>soapApp</h1><p>The following operations are supported: AddFactuur, AddMutatie, AddRelatie, CloseSession, GetAdministraties, GetArtikelen, GetFacturen, GetGrootboekrekeningen, GetKostenplaatsen, GetMutaties, GetOpenPosten, GetRelaties, OpenSession.</p></body></html>", { headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  if (ctx.req.method !== "POST") return new Response("Method Not Allowed", { status: 405 });
  const contentType = ctx.req.headers.get("content-type") ?? "";
  const soapNs = contentType.includes("application/soap+xml") ? SOAP12 : SOAP11;
  let op: XmlNode | undefined;
  try {
    op = path(parseXml(await ctx.req.text()), "Body")?.children[0];
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    return fault(soapNs, true, `Server was unable to read request. ---> There is an error in XML document. ---> ${err.message}`);
  }
  if (!op) return fault(soapNs, true, "Server was unable to read request: the SOAP body is empty.");
  const action = soapNs === SOAP11 ? ctx.req.headers.get("soapaction")?.replace(/"/g, "").trim() : /action="([^"]+)"/.exec(contentType)?.[1];
  if (action !== undefined && action !== `${NS}/${op.name}`) return fault(soapNs, true, `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`);
  const handler = OPERATIONS[op.name];
  if (!handler) return fault(soapNs, true, `Server did not recognize the value of HTTP Header SOAPAction: ${NS}/${op.name}.`);

  let result: OpResult;
  try {
    result = await ctx.update((s) => {
      if (op.name !== "OpenSession" && op.name !== "CloseSession") {
        const denied = checkSession(s, op);
        if (denied) return denied;
      }
      return handler(s, op);
    });
  } catch (err) {
    if (err instanceof BadValue) return fault(soapNs, true, `Server was unable to read request. ---> There is an error in XML document. ---> ${err.message}`);
    throw err;
  }
  const errorMsg = elements([["ErrorMsg", elements([["LastErrorCode", result.ok ? "" : result.code], ["LastErrorDescription", result.ok ? "" : result.description]])]]);
  return respond(soapNs, 200, `<${op.name}Response xmlns="${NS}"><${op.name}Result>${toXml([...errorMsg, ...(result.ok ? result.value : [])])}</${op.name}Result></${op.name}Response>`);
}

function checkSession(s: EboekhoudenState, op: XmlNode): OpResult | undefined {
  const id = textOf(op, "SessionID") ?? "";
  const session = s.auth.soapSessions.find((x) => x.token === id);
  if (!session || session.expiresAt <= Date.now()) return error(SOAP_ERROR.session, "Sessie is verlopen of ongeldig. Open een nieuwe sessie.");
  if (textOf(op, "SecurityCode2") !== s.auth.legacy.securityCode2) return error(SOAP_ERROR.securityCode2, "Beveiligingscode 2 is onjuist.");
  session.expiresAt = Date.now() + SESSION_MS; // idle timeout: every call extends it
  return undefined;
}

// ─── Values ─────────────────────────────────────────────────────────────────

function decimalOf(node: XmlNode | undefined, name: string): Decimal | undefined {
  const text = textOf(node, name);
  if (text === undefined || text === "") return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new BadValue(`<${name}> is not a decimal: "${text}"`);
  return new D(text);
}
function longOf(node: XmlNode | undefined, name: string): number | undefined {
  const text = textOf(node, name);
  if (text === undefined || text === "") return undefined;
  if (!/^-?\d+$/.test(text)) throw new BadValue(`<${name}> is not a long: "${text}"`);
  return Number(text);
}
function dateOf(node: XmlNode | undefined, name: string): string | undefined {
  const text = textOf(node, name);
  if (text === undefined || text === "") return undefined;
  const date = text.slice(0, 10);
  if (!isIsoDate(date) || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(text)) throw new BadValue(`<${name}> is not a dateTime: "${text}"`);
  return date;
}
function boolOf(node: XmlNode | undefined, name: string): boolean | undefined {
  const text = textOf(node, name);
  if (text === undefined || text === "") return undefined;
  if (text !== "true" && text !== "false" && text !== "1" && text !== "0") throw new BadValue(`<${name}> is not a boolean: "${text}"`);
  return text === "true" || text === "1";
}
const money2 = (d: Decimal | number) => (typeof d === "number" ? dec(d) : d).toFixed(2);
const dateTime = (date: string) => `${date}T00:00:00`;
const opt = (v: string | null | undefined) => v ?? "";

// ─── Operations ─────────────────────────────────────────────────────────────

const SOORT: Record<string, number> = {
  FactuurOntvangen: TYPE.received, FactuurVerstuurd: TYPE.sent, FactuurbetalingOntvangen: TYPE.paymentReceived, FactuurbetalingVerstuurd: TYPE.paymentSent,
  GeldOntvangen: TYPE.moneyReceived, GeldUitgegeven: TYPE.moneySent, Memoriaal: TYPE.journal,
};
const SOORT_NAME = Object.fromEntries(Object.entries(SOORT).map(([k, v]) => [v, k]));

const OPERATIONS: Record<string, (s: EboekhoudenState, op: XmlNode) => OpResult> = {
  OpenSession(s, op) {
    const { username, securityCode1, securityCode2 } = s.auth.legacy;
    if (textOf(op, "Username") !== username || textOf(op, "SecurityCode1") !== securityCode1 || textOf(op, "SecurityCode2") !== securityCode2) {
      return error(SOAP_ERROR.login, "Gebruikersnaam en/of beveiligingscodes zijn onjuist.");
    }
    const session = { token: randomBytes(16).toString("hex").toUpperCase(), expiresAt: Date.now() + SESSION_MS, source: textOf(op, "Source") ?? "" };
    s.auth.soapSessions = [...s.auth.soapSessions.filter((x) => x.expiresAt > Date.now()), session];
    return ok(elements([["SessionID", session.token]]));
  },

  CloseSession(s, op) {
    const id = textOf(op, "SessionID");
    s.auth.soapSessions = s.auth.soapSessions.filter((x) => x.token !== id);
    return ok();
  },

  GetAdministraties(s) {
    const a = s.administration;
    return ok(elements([["Administraties", [{ name: "cAdministratie", value: elements([["Bedrijf", a.company], ["Plaats", a.city], ["Guid", a.guid], ["StartBoekjaar", a.startBoekjaar]]) }]]]));
  },

  GetGrootboekrekeningen(s, op) {
    const f = child(op, "cFilter");
    const id = longOf(f, "ID");
    const code = textOf(f, "Code");
    const category = textOf(f, "Categorie");
    const found = s.ledgers.filter((l) => (!id || l.id === id) && (!code || l.code === code) && (!category || l.category === category));
    return ok(elements([["Rekeningen", found.map((l) => ({ name: "cGrootboekrekening", value: elements([["ID", l.id], ["Code", l.code], ["Omschrijving", l.description], ["Categorie", l.category], ["Groep", l.group]]) }))]]));
  },

  GetKostenplaatsen: () => ok(elements([["Kostenplaatsen", []]])),

  GetRelaties(s, op) {
    const f = child(op, "cFilter");
    const keyword = textOf(f, "Trefwoord")?.toLowerCase();
    const code = textOf(f, "Code");
    const id = longOf(f, "ID");
    const found = s.relations.filter((r) =>
      (!code || r.code.toLowerCase() === code.toLowerCase()) && (!id || r.id === id) &&
      (!keyword || [r.code, r.name, r.contact, r.emailAddress, r.city].some((v) => v?.toLowerCase().includes(keyword))));
    return ok(elements([["Relaties", found.map((r) => ({ name: "cRelatie", value: relationXml(r) }))]]));
  },

  AddRelatie(s, op) {
    const r = child(op, "oRel");
    const bp = textOf(r, "BP") || "B";
    const result = addRelation(s, {
      type: bp as "B" | "P", code: textOf(r, "Code"), name: textOf(r, "Bedrijf"), contact: textOf(r, "Contactpersoon"), address: textOf(r, "Adres"),
      postalCode: textOf(r, "Postcode"), city: textOf(r, "Plaats"), country: textOf(r, "Land"), phoneNumber: textOf(r, "Telefoon"), mobilePhoneNumber: textOf(r, "GSM"),
      emailAddress: textOf(r, "Email") || undefined, vatNumber: textOf(r, "BTWNummer"), companyRegistrationNumber: textOf(r, "KvkNummer") || undefined,
      iban: textOf(r, "IBAN"), date: dateOf(r, "AddDatum"),
    });
    return result.ok ? ok(elements([["Rel_ID", result.value.id]])) : fromBook(result.error);
  },

  GetArtikelen(s, op) {
    const f = child(op, "cFilter");
    const id = longOf(f, "ArtikelID");
    const code = textOf(f, "ArtikelCode");
    const description = textOf(f, "ArtikelOmschrijving")?.toLowerCase();
    const found = s.products.filter((p) => (!id || p.id === id) && (!code || p.code.toLowerCase() === code.toLowerCase()) && (!description || p.description.toLowerCase().includes(description)));
    return ok(elements([["Artikelen", found.map((p) => ({
      name: "cArtikel",
      value: elements([
        ["ArtikelID", p.id], ["ArtikelOmschrijving", p.description], ["ArtikelCode", p.code], ["GroepOmschrijving", ""], ["GroepCode", ""], ["Eenheid", "stuk"],
        ["InkoopprijsExclBTW", money2(p.purchasePriceExcl ?? 0)], ["VerkoopprijsExclBTW", money2(p.priceExcl ?? 0)], ["VerkoopprijsInclBTW", money2(p.priceIncl ?? 0)],
        ["BTWCode", p.vat], ["TegenrekeningCode", s.ledgers.find((l) => l.id === p.ledgerId)?.code ?? ""], ["BtwPercentage", vatCodeInfo(p.vat)?.rate ?? "0"],
        ["KostenplaatsID", 0], ["Actief", p.active],
      ]),
    }))]]));
  },

  GetMutaties(s, op) {
    const f = child(op, "cFilter");
    const nr = longOf(f, "MutatieNr");
    const from = longOf(f, "MutatieNrVan");
    const to = longOf(f, "MutatieNrTm");
    const invoice = textOf(f, "Factuurnummer")?.toLowerCase();
    const dateFrom = dateOf(f, "DatumVan");
    const dateTo = dateOf(f, "DatumTm");
    const found = s.mutations
      .filter((m) => (!nr || m.id === nr) && (!from || m.id >= from) && (!to || m.id <= to) && (!dateFrom || m.date >= dateFrom) && (!dateTo || m.date <= dateTo))
      .filter((m) => !invoice || [m.invoiceNumber, ...m.rows.map((r) => r.invoiceNumber)].some((n) => n?.toLowerCase() === invoice))
      .slice(-500); // the SOAP list is capped at the 500 most recent mutations
    return ok(elements([["Mutaties", found.map((m) => ({ name: "cMutatieList", value: mutationXml(s, m) }))]]));
  },

  AddMutatie(s, op) {
    const m = child(op, "oMut");
    const soort = textOf(m, "Soort") ?? "";
    const type = SOORT[soort];
    if (!type) throw new BadValue(`Instance validation error: '${soort}' is not a valid value for Soort.`);
    const ledgerCode = textOf(m, "Rekening");
    const ledger = ledgerByCode(s, ledgerCode);
    if (!ledger) return error(SOAP_ERROR.notFound, `Rekening "${ledgerCode ?? ""}" bestaat niet.`);
    const relationCode = textOf(m, "RelatieCode");
    const relation = relationCode ? relationByCode(s, relationCode) : undefined;
    if (relationCode && !relation) return error(SOAP_ERROR.notFound, `Relatie "${relationCode}" bestaat niet.`);
    const inEx = textOf(m, "InExBTW") || "EX";
    const invoiceNumber = textOf(m, "Factuurnummer") || undefined;
    const rows: RowInput[] = [];
    for (const [i, r] of childrenNamed(child(m, "MutatieRegels"), "cMutatieRegel").entries()) {
      const counter = textOf(r, "TegenrekeningCode");
      const rowLedger = ledgerByCode(s, counter);
      if (!rowLedger) return error(SOAP_ERROR.notFound, `Tegenrekening "${counter ?? ""}" van regel ${i + 1} bestaat niet.`);
      const entered = decimalOf(r, "BedragInvoer");
      const excl = decimalOf(r, "BedragExclBTW");
      const vat = decimalOf(r, "BedragBTW");
      const incl = decimalOf(r, "BedragInclBTW");
      if (!entered) return error(SOAP_ERROR.validation, `BedragInvoer van regel ${i + 1} ontbreekt.`);
      if (excl && vat && incl) {
        if (!excl.plus(vat).eq(incl)) return error(SOAP_ERROR.validation, `De bedragen van regel ${i + 1} tellen niet op (excl. ${excl.toFixed(2)} + btw ${vat.toFixed(2)} ≠ incl. ${incl.toFixed(2)}).`);
        if (!entered.eq(inEx === "IN" ? incl : excl)) return error(SOAP_ERROR.validation, `BedragInvoer van regel ${i + 1} is niet het bedrag ${inEx === "IN" ? "incl." : "excl."} btw.`);
      }
      const payment = type === TYPE.paymentReceived || type === TYPE.paymentSent;
      rows.push({
        // A payment's counter-account is the debtors/creditors ledger the invoice was booked on; it names the paid invoice itself.
        ledgerId: payment ? undefined : rowLedger.id, vatCode: textOf(r, "BTWCode"), amount: entered,
        vatAmount: excl && vat && incl ? vat : undefined, invoiceNumber: payment ? invoiceNumber : undefined,
      });
    }
    const sale = type === TYPE.sent || type === TYPE.received;
    const term = textOf(m, "Betalingstermijn");
    const result = addMutation(s, {
      type, date: dateOf(m, "Datum"), ledgerId: ledger.id, relationId: relation?.id, invoiceNumber, entryNumber: textOf(m, "Boekstuk") || undefined,
      // SOAP accepts a payment term on any kind of mutation and keeps it only where it means something.
      termOfPayment: sale && term ? Number(term) : undefined, paymentReference: textOf(m, "Betalingskenmerk") || undefined, inExVat: inEx,
      description: textOf(m, "Omschrijving"), rows, vatGiven: true, via: "soap",
    });
    return result.ok ? ok(elements([["Mutatienummer", result.value.id]])) : fromBook(result.error);
  },

  GetFacturen(s, op) {
    const f = child(op, "cFilter");
    const number = textOf(f, "Factuurnummer")?.toLowerCase();
    const code = textOf(f, "Relatiecode")?.toLowerCase();
    const dateFrom = dateOf(f, "DatumVan");
    const dateTo = dateOf(f, "DatumTm");
    const found = s.invoices.filter((i) => {
      const relation = s.relations.find((r) => r.id === i.relationId);
      return (!number || i.invoiceNumber.toLowerCase() === number) && (!code || relation?.code.toLowerCase() === code) && (!dateFrom || i.date >= dateFrom) && (!dateTo || i.date <= dateTo);
    });
    return ok(elements([["Facturen", found.map((i) => ({ name: "cFactuurList", value: invoiceXml(s, i) }))]]));
  },

  AddFactuur(s, op) {
    const f = child(op, "oFact");
    const code = textOf(f, "Relatiecode");
    const relation = relationByCode(s, code);
    if (!relation) return error(SOAP_ERROR.notFound, `Relatie "${code ?? ""}" bestaat niet.`);
    const templateName = textOf(f, "Factuursjabloon") ?? "";
    const template = s.templates.find((t) => t.active && t.name.toLowerCase() === templateName.toLowerCase());
    if (!template) return error(SOAP_ERROR.notFound, `Factuursjabloon "${templateName}" bestaat niet.`);
    const items = [];
    for (const [i, r] of childrenNamed(child(f, "Regels"), "cFactuurRegel").entries()) {
      const counter = textOf(r, "TegenrekeningCode");
      const ledger = ledgerByCode(s, counter);
      if (!ledger) return error(SOAP_ERROR.notFound, `Tegenrekening "${counter ?? ""}" van regel ${i + 1} bestaat niet.`);
      items.push({ quantity: decimalOf(r, "Aantal"), code: textOf(r, "Code") || undefined, description: textOf(r, "Omschrijving"), pricePerUnit: decimalOf(r, "PrijsPerEenheid"), vatCode: textOf(r, "BTWCode"), ledgerId: ledger.id });
    }
    const post = boolOf(f, "InBoekhoudingPlaatsen") ?? false;
    const result = addInvoice(s, {
      invoiceNumber: textOf(f, "Factuurnummer") || undefined, relationId: relation.id, date: dateOf(f, "Datum"), termOfPayment: longOf(f, "Betalingstermijn"),
      inExVat: "EX", templateId: template.id, items,
      mutation: post ? { description: textOf(f, "BoekhoudmutatieOmschrijving") || undefined, ledgerId: ledgerByCode(s, "1300")?.id } : undefined,
      via: "soap",
    });
    return result.ok ? ok(elements([["Factuurnummer", result.value.invoiceNumber]])) : fromBook(result.error);
  },

  GetOpenPosten(s, op) {
    const kind = textOf(op, "OpSoort");
    if (kind !== "Debiteuren" && kind !== "Crediteuren") throw new BadValue(`Instance validation error: '${kind ?? ""}' is not a valid value for OpSoort.`);
    const items = kind === "Crediteuren" ? [] : openItems(s);
    return ok(elements([["Openposten", items.map((o) => ({
      name: "cOpenPost",
      value: elements([
        ["MutDatum", dateTime(o.mutation.date)], ["MutFactuur", opt(o.mutation.invoiceNumber)], ["RelCode", opt(o.relation?.code)], ["RelBedrijf", opt(o.relation?.name)],
        ["Bedrag", money2(o.total)], ["Voldaan", money2(o.paid)], ["Openstaand", money2(o.outstanding)],
      ]),
    }))]]));
  },
};

function relationXml(r: RelationJson): XmlElement[] {
  return elements([
    ["ID", r.id], ["AddDatum", dateTime(r.date)], ["Code", r.code], ["Bedrijf", r.name], ["Contactpersoon", opt(r.contact)], ["Geslacht", ""],
    ["Adres", opt(r.address)], ["Postcode", opt(r.postalCode)], ["Plaats", opt(r.city)], ["Land", opt(r.country)], ["Adres2", ""], ["Postcode2", ""], ["Plaats2", ""], ["Land2", ""],
    ["Telefoon", opt(r.phoneNumber)], ["GSM", opt(r.mobilePhoneNumber)], ["FAX", ""], ["Email", opt(r.emailAddress)], ["Site", ""], ["Notitie", ""],
    ["Bankrekening", ""], ["Girorekening", ""], ["BTWNummer", opt(r.vatNumber)], ["KvkNummer", opt(r.companyRegistrationNumber)], ["Aanhef", ""],
    ["IBAN", opt(r.iban)], ["BIC", ""], ["BP", r.type], ["LA", "0"], ["Gb_ID", 0], ["GeenEmail", 0], ["NieuwsbriefgroepenCount", 0],
  ]);
}

function mutationXml(s: EboekhoudenState, m: MutationJson): XmlElement[] {
  const ledgerCode = (id: number | null) => s.ledgers.find((l) => l.id === id)?.code ?? "";
  const relation = s.relations.find((r) => r.id === m.relationId);
  return elements([
    ["MutatieNr", m.id], ["Soort", SOORT_NAME[m.type] ?? "Memoriaal"], ["Datum", dateTime(m.date)], ["Rekening", ledgerCode(m.ledgerId)], ["RelatieCode", opt(relation?.code)],
    ["Factuurnummer", opt(m.invoiceNumber)], ["Boekstuk", opt(m.entryNumber)], ["Omschrijving", opt(m.description)], ["Betalingstermijn", m.termOfPayment ?? ""],
    ["Betalingskenmerk", opt(m.paymentReference)], ["InExBTW", m.inExVat],
    ["MutatieRegels", m.rows.map((r) => {
      const t = rowTotals(r, m.inExVat);
      return {
        name: "cMutatieListRegel",
        value: elements([
          ["BedragInvoer", money2(r.amount)], ["BedragExclBTW", money2(t.excl)], ["BedragBTW", money2(t.vat)], ["BedragInclBTW", money2(t.incl)], ["BTWCode", r.vatCode],
          ["BTWPercentage", vatCodeInfo(r.vatCode)?.rate ?? "0"], ["Factuurnummer", opt(r.invoiceNumber ?? m.invoiceNumber)], ["TegenrekeningCode", ledgerCode(r.ledgerId)], ["KostenplaatsID", 0],
        ]),
      };
    })],
  ]);
}

function invoiceXml(s: EboekhoudenState, i: InvoiceJson): XmlElement[] {
  const relation = s.relations.find((r) => r.id === i.relationId);
  const sale = s.mutations.find((m) => m.id === i.mutationId);
  const paid = sale ? openItems(s).find((o) => o.mutation.id === sale.id) : undefined;
  // Without a mutation there is nothing to pay in the ledger: the whole invoice is open.
  const open = sale ? (paid ? paid.outstanding : new D(0)) : dec(i.totalAmount);
  return elements([
    ["Factuurnummer", i.invoiceNumber], ["Relatiecode", opt(relation?.code)], ["Datum", dateTime(i.date)], ["Betalingstermijn", i.termOfPayment],
    ["TotaalExclBTW", money2(i.totalExcl)], ["TotaalBTW", money2(i.vatAmount)], ["TotaalInclBTW", money2(i.totalAmount)], ["TotaalOpenstaand", money2(open)], ["URLPDFBestand", i.urlPdfFile],
    ["Regels", i.items.map((it) => ({
      name: "cFactuurRegel",
      value: elements([
        ["Aantal", String(it.quantity)], ["Eenheid", ""], ["Code", opt(it.code)], ["Omschrijving", it.description], ["PrijsPerEenheid", String(it.pricePerUnit)],
        ["BTWCode", it.vatCode], ["TegenrekeningCode", s.ledgers.find((l) => l.id === it.ledgerId)?.code ?? ""], ["KostenplaatsID", 0],
      ]),
    }))],
  ]);
}

