import { D } from "@/lib/domain/money";
import { buildInvoice } from "../invoice-build";
import { badRequest, created, decimalParam, isIsoDate, methodNotAllowed, money2, notFound, ok, readBody, stringParam, today } from "../http";
import type { FactuursturenState, InvoiceJson } from "../state";
import type { Route } from "./route";

const byNumber = (state: FactuursturenState, nr: string) => state.invoices.find((i) => i.id === nr || i.invoicenr === nr || i.invoicenr_full === nr);
const missing = (nr: string) => notFound(`Factuur ${nr} niet gevonden`);

const FILTERS: Record<string, (i: InvoiceJson) => boolean> = {
  open: (i) => !new D(i.open).isZero(),
  paid: (i) => new D(i.open).isZero(),
  overdue: (i) => !new D(i.open).isZero() && i.duedate < today(),
};

/** /invoices: list (?filter=open|paid|overdue), show ({"invoice": …}), create (201, the invoice number as text), delete. */
export async function invoices({ ctx, method, rest }: Route): Promise<Response> {
  const [nr, ...more] = rest;
  if (more.length) return notFound();
  if (!nr) {
    if (method === "GET") {
      const filter = ctx.url.searchParams.get("filter");
      const all = (await ctx.read()).invoices;
      if (filter && !FILTERS[filter]) return badRequest(`Onbekend filter: ${filter}`);
      return Response.json(filter ? all.filter(FILTERS[filter]!) : all);
    }
    if (method !== "POST") return methodNotAllowed();
    const body = await readBody(ctx.req);
    if (!body.ok) return body.response;
    return ctx.update((state) => {
      const built = buildInvoice(body.value, state);
      if (!built.ok) return badRequest(built.message);
      const request = built.value;
      if (request.action !== "send") {
        const list = request.action === "save" ? state.saved : state.repeated;
        const at = list.findIndex((d) => d.savename === request.draft.savename);
        if (at >= 0 && !request.overwrite) return badRequest(`Er bestaat al een opgeslagen factuur met de naam ${request.draft.savename}`);
        const id = at >= 0 ? list[at]!.id : String((state.counters.draft += 1));
        const draft = { ...request.draft, id };
        if (at >= 0) list[at] = draft;
        else list.push(draft);
        return created(id);
      }
      state.invoices.push(request.invoice);
      const client = state.clients.find((c) => c.clientnr === request.invoice.clientnr);
      if (client) client.lastinvoice = request.invoice.sent;
      if (request.paid) state.payments.push({ invoicenr: request.invoice.invoicenr, amount: request.paid.amount, date: request.invoice.sent, method: request.paid.method });
      return created(request.invoice.invoicenr);
    });
  }
  if (method === "GET") {
    const invoice = byNumber(await ctx.read(), nr);
    return invoice ? Response.json({ invoice }) : missing(nr);
  }
  if (method === "DELETE") {
    return ctx.update((state) => {
      const invoice = byNumber(state, nr);
      if (!invoice) return missing(nr);
      state.invoices.splice(state.invoices.indexOf(invoice), 1);
      return ok();
    });
  }
  return methodNotAllowed();
}

/** /invoices_saved and /invoices_repeated: list, show, delete. */
export function drafts(kind: "saved" | "repeated") {
  return async ({ ctx, method, rest }: Route): Promise<Response> => {
    const [id, ...more] = rest;
    if (more.length) return notFound();
    if (!id) return method === "GET" ? Response.json((await ctx.read())[kind]) : methodNotAllowed();
    if (method === "GET") {
      const draft = (await ctx.read())[kind].find((d) => d.id === id);
      return draft ? Response.json({ invoice: draft }) : notFound(`Factuur ${id} niet gevonden`);
    }
    if (method === "DELETE") {
      return ctx.update((state) => {
        const at = state[kind].findIndex((d) => d.id === id);
        if (at < 0) return notFound(`Factuur ${id} niet gevonden`);
        state[kind].splice(at, 1);
        return ok();
      });
    }
    return methodNotAllowed();
  };
}

/**
 * /invoices_payment/{invoicenr} with {amount (or "full"), date}: POST (201) or PUT (200), as clients
 * disagree. The invoice's `open` drops by the amount (0 = paid, `paiddate` set).
 */
export async function invoicePayment({ ctx, method, rest }: Route): Promise<Response> {
  const [nr, ...more] = rest;
  if (!nr || more.length) return notFound();
  if (method !== "POST" && method !== "PUT") return methodNotAllowed();
  const body = await readBody(ctx.req);
  if (!body.ok) return body.response;
  return ctx.update((state) => {
    const invoice = byNumber(state, nr);
    if (!invoice) return missing(nr);
    const open = new D(invoice.open);
    const amount = body.value.amount === "full" ? open : decimalParam(body.value.amount);
    if (!amount) return badRequest("Ongeldig bedrag (amount)");
    // Our reading [I]: a payment is positive and at most what is open (an overpayment is refused).
    if (amount.lte(0)) return badRequest("Het bedrag (amount) moet groter zijn dan 0");
    if (amount.gt(open)) return badRequest(`Het bedrag ${money2(amount)} is hoger dan het openstaande bedrag ${money2(open)} van factuur ${invoice.invoicenr_full}`);
    const date = stringParam(body.value.date) ?? today();
    if (!isIsoDate(date)) return badRequest(`Ongeldige datum: ${date}`);
    invoice.open = money2(open.minus(amount));
    invoice.paiddate = date;
    const n = Object.keys(invoice.history).length + 1;
    invoice.history[`item${n}`] = { date, time: new Date().toISOString().slice(11, 16), description: `Betaling van ${money2(amount)} geregistreerd` };
    state.payments.push({ invoicenr: invoice.invoicenr, amount: money2(amount), date, method: stringParam(body.value.method) ?? "" });
    return method === "POST" ? created("") : ok();
  });
}

/** /invoices_pdf/{invoicenr}: the invoice as a (minimal) PDF document. */
export async function invoicePdf({ ctx, method, rest }: Route): Promise<Response> {
  const [nr] = rest;
  if (method !== "GET") return methodNotAllowed();
  const invoice = nr ? byNumber(await ctx.read(), nr) : undefined;
  if (!invoice) return missing(nr ?? "");
  const pdf = `%PDF-1.4\n% Factuursturen sandbox: factuur ${invoice.invoicenr_full}, totaal ${invoice.totalintax}\n%%EOF\n`;
  return new Response(pdf, { status: 200, headers: { "Content-Type": "application/pdf" } });
}
