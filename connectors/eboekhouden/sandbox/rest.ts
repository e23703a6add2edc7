import { randomBytes } from "node:crypto";
import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { addInvoice, addMutation, addProduct, addRelation, isIsoDate, mutationTotals, num, openItems, type BookError, type Result } from "./ledger-book";
import { applyFilters, field, FieldError, fieldError, methodNotAllowed, notFound, page, problem, readBody } from "./rest-http";
import type { EboekhoudenState, InvoiceJson, MutationJson, ProductJson, RelationJson } from "./state";

/**
 * The REST API v1 (reference §2.A) under /v1: sessions from an API token, then the session token
 * in `Authorization` (raw, or "Bearer <token>"); administrations, relations, ledgers, invoice
 * templates, products, mutations (with open items) and invoices.
 */

type Ctx = SandboxContext<EboekhoudenState>;
const SESSION_SECONDS = 3600;
const SOURCE = /^[A-Za-z0-9_-]{1,10}$/;

const bookError = (e: BookError) => problem(e.status ?? 400, e.code, e.message, e.propertyName ? { propertyName: e.propertyName } : {});
const created = <T>(r: Result<T>, body: (v: T) => unknown) => (r.ok ? Response.json(body(r.value), { status: 201 }) : bookError(r.error));

export async function restApi(ctx: Ctx, path: string[]): Promise<Response> {
  const method = ctx.req.method.toUpperCase();
  const [resource, ...rest] = path;
  if (resource === "session" && rest.length === 0) {
    if (method === "POST") return startSession(ctx);
    if (method === "DELETE") return endSession(ctx);
    return methodNotAllowed();
  }
  const denied = await authenticate(ctx);
  if (denied) return denied;
  try {
    switch (resource) {
      case "administration": return method === "GET" && rest.length <= 1 && (rest[0] ?? "linked") === "linked" ? administrations(ctx) : notFound();
      case "relation": return await relations(ctx, method, rest);
      case "ledger": return await ledgers(ctx, method, rest);
      case "invoicetemplate": return method === "GET" && !rest.length ? templates(ctx) : notFound();
      case "emailtemplate": return method === "GET" && !rest.length ? page(ctx.url, [{ id: 1, name: "Standaard factuurmail", useInvoice: true, useQuote: false, useMailing: false }]) : notFound();
      case "costcenter": return method === "GET" && !rest.length ? page(ctx.url, []) : notFound();
      case "unit": return method === "GET" && !rest.length ? page(ctx.url, [{ id: 1, name: "stuk" }, { id: 2, name: "uur" }]) : notFound();
      case "product": return await products(ctx, method, rest);
      case "mutation": return await mutations(ctx, method, rest);
      case "invoice": return await invoices(ctx, method, rest);
      default: return notFound();
    }
  } catch (err) {
    if (err instanceof FieldError) return fieldError(err);
    throw err;
  }
}

// ─── Sessions ───────────────────────────────────────────────────────────────

async function startSession(ctx: Ctx): Promise<Response> {
  const body = await readBody(ctx.req);
  if (!body.ok) return body.response;
  const source = typeof body.value.source === "string" ? body.value.source : "";
  const token = typeof body.value.accessToken === "string" ? body.value.accessToken.trim() : "";
  if (!source) return problem(400, "API_SESSION_001", "Source is missing.", { propertyName: "source" });
  if (!SOURCE.test(source)) return problem(400, "API_SESSION_002", "Source does not match pattern.", { propertyName: "source" });
  if (!token) return problem(400, "API_SESSION_003", "Access token is missing or empty.", { propertyName: "accessToken" });
  return ctx.update((s) => {
    const known = s.auth.apiTokens.find((t) => t.token === token);
    if (!known) return problem(401, "SECURITY_999", "Something went wrong during authentication.", { securityType: 0 });
    if (known.expiresAt && Date.parse(known.expiresAt) <= Date.now()) return problem(400, "API_SESSION_004", "Access token has expired.", { propertyName: "accessToken" });
    const session = { token: randomBytes(24).toString("base64url"), expiresAt: Date.now() + SESSION_SECONDS * 1000, source };
    s.auth.restSessions = [...s.auth.restSessions.filter((x) => x.expiresAt > Date.now()), session];
    return Response.json({ token: session.token, expiresIn: SESSION_SECONDS });
  });
}

const sessionToken = (req: Request) => (req.headers.get("authorization") ?? "").trim().replace(/^Bearer\s+/i, "");
const unauthenticated = () => problem(401, "SECURITY_010", "Not authenticated. Check your Authorization header.", { securityType: 0 });

async function authenticate(ctx: Ctx): Promise<Response | undefined> {
  const token = sessionToken(ctx.req);
  const state = await ctx.read();
  const session = token ? state.auth.restSessions.find((x) => x.token === token) : undefined;
  return session && session.expiresAt > Date.now() ? undefined : unauthenticated();
}

async function endSession(ctx: Ctx): Promise<Response> {
  const token = sessionToken(ctx.req);
  return ctx.update((s) => {
    const before = s.auth.restSessions.length;
    s.auth.restSessions = s.auth.restSessions.filter((x) => x.token !== token);
    return before === s.auth.restSessions.length ? unauthenticated() : new Response(null, { status: 204 });
  });
}

// ─── Reference data ─────────────────────────────────────────────────────────

async function administrations(ctx: Ctx) {
  const { administration } = await ctx.read();
  return page(ctx.url, [{ guid: administration.guid, company: administration.company }]);
}

async function ledgers(ctx: Ctx, method: string, rest: string[]) {
  const state = await ctx.read();
  if (method !== "GET") return methodNotAllowed();
  if (rest.length === 1) {
    const ledger = state.ledgers.find((l) => String(l.id) === rest[0]);
    return ledger ? Response.json(ledger) : problem(404, undefined, "Ledger not found.");
  }
  if (rest.length) return notFound();
  return page(ctx.url, applyFilters(ctx.url, state.ledgers, { code: { kind: "string", get: (l) => l.code }, category: { kind: "string", get: (l) => l.category } }));
}

async function templates(ctx: Ctx) {
  const state = await ctx.read();
  return page(ctx.url, applyFilters(ctx.url, state.templates, {
    name: { kind: "string", get: (t) => t.name }, type: { kind: "string", get: (t) => t.type }, active: { kind: "boolean", get: (t) => t.active },
  }));
}

// ─── Relations ──────────────────────────────────────────────────────────────

async function relations(ctx: Ctx, method: string, rest: string[]): Promise<Response> {
  if (rest.length > 1) return notFound();
  if (rest.length === 1) {
    if (method === "GET") {
      const relation = (await ctx.read()).relations.find((r) => String(r.id) === rest[0]);
      return relation ? Response.json(relation) : problem(404, "REL_047", "Relation not found.");
    }
    if (method === "PATCH") return patchRelation(ctx, rest[0]!);
    return methodNotAllowed();
  }
  if (method === "GET") {
    const state = await ctx.read();
    const found = applyFilters(ctx.url, state.relations, {
      code: { kind: "string", get: (r) => r.code }, type: { kind: "string", get: (r) => r.type }, email: { kind: "string", get: (r) => r.emailAddress },
      name: { kind: "string", get: (r) => r.name }, contact: { kind: "string", get: (r) => r.contact }, city: { kind: "string", get: (r) => r.city },
    });
    return page(ctx.url, found.map((r) => ({ id: r.id, type: r.type, code: r.code })));
  }
  if (method !== "POST") return methodNotAllowed();
  const body = await readBody(ctx.req);
  if (!body.ok) return body.response;
  const input = relationFields(body.value);
  return ctx.update((s) => created(addRelation(s, input), (r) => ({ id: r.id, code: r.code })));
}

function relationFields(b: Record<string, unknown>): Partial<RelationJson> {
  const str = (k: string) => field.string(b, k);
  const type = str("type");
  return {
    ...(type !== undefined ? { type: type as "B" | "P" } : {}),
    code: str("code"), name: str("name"), contact: str("contact"), address: str("address"), postalCode: str("postalCode"), city: str("city"),
    country: str("country"), phoneNumber: str("phoneNumber"), mobilePhoneNumber: str("mobilePhoneNumber"), emailAddress: str("emailAddress"),
    vatNumber: str("vatNumber"), companyRegistrationNumber: str("companyRegistrationNumber"), iban: str("iban"), termOfPayment: field.int(b, "termOfPayment"),
  };
}

async function patchRelation(ctx: Ctx, id: string): Promise<Response> {
  const body = await readBody(ctx.req);
  if (!body.ok) return body.response;
  const changes = Object.fromEntries(Object.entries(relationFields(body.value)).filter(([, v]) => v !== undefined));
  return ctx.update((s) => {
    const relation = s.relations.find((r) => String(r.id) === id);
    if (!relation) return problem(404, "REL_047", "Relation not found.");
    if (changes.code && s.relations.some((r) => r !== relation && r.code.toLowerCase() === String(changes.code).toLowerCase())) return problem(400, "REL_049", "Code already exists.", { propertyName: "code" });
    Object.assign(relation, changes);
    return new Response(null, { status: 204 });
  });
}

// ─── Products ───────────────────────────────────────────────────────────────

async function products(ctx: Ctx, method: string, rest: string[]): Promise<Response> {
  if (rest.length === 1 && rest[0] !== "groups") {
    if (method !== "GET") return methodNotAllowed();
    const product = (await ctx.read()).products.find((p) => String(p.id) === rest[0]);
    return product ? Response.json(product) : problem(404, "ART_001", "Product not found.");
  }
  if (rest.length === 1) return method === "GET" ? page(ctx.url, []) : methodNotAllowed();
  if (rest.length) return notFound();
  if (method === "GET") {
    const found = applyFilters(ctx.url, (await ctx.read()).products, { code: { kind: "string", get: (p: ProductJson) => p.code } });
    return page(ctx.url, found.map((p) => ({ id: p.id, code: p.code, description: p.description, unitId: null, active: p.active })));
  }
  if (method !== "POST") return methodNotAllowed();
  const body = await readBody(ctx.req);
  if (!body.ok) return body.response;
  const b = body.value;
  const input = {
    code: field.string(b, "code"), description: field.string(b, "description"), vat: field.string(b, "vat"), ledgerId: field.int(b, "ledgerId"),
    priceExcl: field.decimal(b, "priceExcl"), priceIncl: field.decimal(b, "priceIncl"), active: field.bool(b, "active"),
  };
  return ctx.update((s) => created(addProduct(s, input), (p) => ({ id: p.id })));
}

// ─── Mutations ──────────────────────────────────────────────────────────────

/** A mutation in the list: the total amount incl. VAT (sign included). */
const mutationListItem = (m: MutationJson) => ({ id: m.id, type: m.type, date: m.date, invoiceNumber: m.invoiceNumber, ledgerId: m.ledgerId, amount: num(mutationTotals(m).incl), entryNumber: m.entryNumber });
const mutationJson = ({ bookedVia: _v, invoiceId: _i, ...m }: MutationJson) => m;

async function mutations(ctx: Ctx, method: string, rest: string[]): Promise<Response> {
  const state = await ctx.read();
  if (rest[0] === "invoice" && rest[1] === "outstanding" && rest.length === 2) {
    if (method !== "GET") return methodNotAllowed();
    const credDeb = ctx.url.searchParams.get("credDeb");
    if (credDeb !== "D" && credDeb !== "C") return problem(400, "ERR_002", "Your request contains an invalid value.", { propertyName: "credDeb" });
    // The sandbox books sales only: creditors have no open items.
    const items = credDeb === "C" ? [] : openItems(state).map((o) => ({
      date: o.mutation.date, mutationId: o.mutation.id, invoiceNumber: o.mutation.invoiceNumber, relationId: o.mutation.relationId, relationCode: o.relation?.code ?? null,
      company: o.relation?.name ?? null, totalAmount: num(o.total), paidAmount: num(o.paid), outstandingAmount: num(o.outstanding),
    }));
    return page(ctx.url, applyFilters(ctx.url, items, { invoiceNumber: { kind: "string", get: (i) => i.invoiceNumber } }));
  }
  if (rest.length === 1) {
    if (method !== "GET") return methodNotAllowed();
    const mutation = state.mutations.find((m) => String(m.id) === rest[0]);
    return mutation ? Response.json(mutationJson(mutation)) : problem(404, "MUT_300", "Mutation not found.");
  }
  if (rest.length) return notFound();
  if (method === "GET") {
    const found = applyFilters(ctx.url, state.mutations, {
      id: { kind: "number", get: (m) => m.id }, type: { kind: "number", get: (m) => m.type }, description: { kind: "string", get: (m) => m.description },
      // The invoice number of the mutation or of one of its rows (a payment names the invoice it pays on its row).
      invoiceNumber: { kind: "string", get: (m) => [m.invoiceNumber, ...m.rows.map((r) => r.invoiceNumber)] },
      date: { kind: "date", get: (m) => m.date },
    });
    return page(ctx.url, found.map(mutationListItem));
  }
  if (method !== "POST") return methodNotAllowed();
  const body = await readBody(ctx.req);
  if (!body.ok) return body.response;
  const b = body.value;
  const rows = (field.objects(b, "rows") ?? []).map((r, i) => ({
    ledgerId: field.int(r, "ledgerId", `rows[${i}].ledgerId`), vatCode: field.string(r, "vatCode", `rows[${i}].vatCode`),
    amount: field.decimal(r, "amount", `rows[${i}].amount`), vatAmount: field.decimal(r, "vatAmount", `rows[${i}].vatAmount`),
    description: field.string(r, "description", `rows[${i}].description`), invoiceNumber: field.string(r, "invoiceNumber", `rows[${i}].invoiceNumber`),
    relationId: field.int(r, "relationId", `rows[${i}].relationId`),
  }));
  const input = {
    type: field.int(b, "type"), date: field.string(b, "date"), ledgerId: field.int(b, "ledgerId"), relationId: field.int(b, "relationId"),
    invoiceNumber: field.string(b, "invoiceNumber"), entryNumber: field.string(b, "entryNumber"), termOfPayment: field.int(b, "termOfPayment"),
    paymentReference: field.string(b, "paymentReference"), checkPaymentReference: field.bool(b, "checkPaymentReference"), inExVat: field.string(b, "inExVat"),
    description: field.string(b, "description"), rows, via: "rest" as const,
  };
  if (input.description && input.description.length > 200) return problem(400, "ERR_002", "Your request contains an invalid value.", { propertyName: "description" });
  return ctx.update((s) => created(addMutation(s, input), (m) => ({ id: m.id })));
}

// ─── Invoices ───────────────────────────────────────────────────────────────

const invoiceJson = ({ mutationId: _m, bookedVia: _v, ...i }: InvoiceJson) => i;
const invoiceListItem = (i: InvoiceJson) => ({
  id: i.id, invoiceNumber: i.invoiceNumber, relationId: i.relationId, date: i.date, reference: i.reference, text: i.text, urlPdfFile: i.urlPdfFile,
  totalExcl: i.totalExcl, totalAmount: i.totalAmount, vatAmount: i.vatAmount, termOfPayment: i.termOfPayment, templateId: i.templateId, print: false,
});

async function invoices(ctx: Ctx, method: string, rest: string[]): Promise<Response> {
  if (rest.length === 1) {
    if (method !== "GET") return methodNotAllowed();
    const invoice = (await ctx.read()).invoices.find((i) => String(i.id) === rest[0]);
    return invoice ? Response.json(invoiceJson(invoice)) : problem(404, "FACT_021", "Invoice not found.");
  }
  if (rest.length) return notFound();
  if (method === "GET") {
    const found = applyFilters(ctx.url, (await ctx.read()).invoices, {
      invoiceNumber: { kind: "string", get: (i) => i.invoiceNumber }, relationId: { kind: "number", get: (i) => i.relationId }, date: { kind: "date", get: (i) => i.date },
    });
    return page(ctx.url, found.map(invoiceListItem));
  }
  if (method !== "POST") return methodNotAllowed();
  const body = await readBody(ctx.req);
  if (!body.ok) return body.response;
  const b = body.value;
  const items = (field.objects(b, "items") ?? []).map((it, i) => {
    const at = (k: string) => `items[${i}].${k}`;
    return {
      quantity: field.decimal(it, "quantity", at("quantity")) ?? field.decimal(it, "amount", at("amount")), code: field.string(it, "code", at("code")),
      productId: field.int(it, "productId", at("productId")), description: field.string(it, "description", at("description")),
      pricePerUnit: field.decimal(it, "pricePerUnit", at("pricePerUnit")), vatCode: field.string(it, "vatCode", at("vatCode")),
      vatAmount: field.decimal(it, "vatAmount", at("vatAmount")), ledgerId: field.int(it, "ledgerId", at("ledgerId")),
      discountAmount: field.decimal(it, "discountAmount", at("discountAmount")), discountPercentage: field.decimal(it, "discountPercentage", at("discountPercentage")),
    };
  });
  const mutation = field.object(b, "mutation");
  const date = field.string(b, "date");
  if (date !== undefined && !isIsoDate(date)) return problem(400, "FACT_012", "Invoice date invalid.", { propertyName: "date" });
  const input = {
    invoiceNumber: field.string(b, "invoiceNumber"), relationId: field.int(b, "relationId"), date, termOfPayment: field.int(b, "termOfPayment"),
    inExVat: field.string(b, "inExVat"), templateId: field.int(b, "templateId"), reference: field.string(b, "reference"), text: field.string(b, "text"), items,
    mutation: mutation && {
      description: field.string(mutation, "description", "mutation.description"), ledgerId: field.int(mutation, "ledgerId", "mutation.ledgerId"),
      paymentReference: field.string(mutation, "paymentReference", "mutation.paymentReference"), checkPaymentReference: field.bool(mutation, "checkPaymentReference", "mutation.checkPaymentReference"),
    },
    via: "rest" as const,
  };
  return ctx.update((s) => created(addInvoice(s, input), (i) => ({ id: i.id, invoiceNumber: i.invoiceNumber, inExVat: i.inExVat })));
}

