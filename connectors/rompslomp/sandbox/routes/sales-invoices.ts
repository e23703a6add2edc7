import { apiError, noEndpoint, notFound, paginated, readRoot, today, unpermittedError, validationError, type JsonBody } from "../http";
import { hasScope } from "../auth";
import { asInput, buildInvoice, mergeLines, unpermittedInvoiceKeys, type Built } from "../invoice-build";
import type { Route } from "../route";
import type { RompslompState, SalesInvoiceJson, TokenRecord } from "../state";

function select(state: RompslompState, params: URLSearchParams): SalesInvoiceJson[] {
  const selection = params.get("selection") ?? "all";
  const bySelection: Record<string, (i: SalesInvoiceJson) => boolean> = {
    all: () => true,
    published: (i) => i.status === "published",
    concept: (i) => i.status === "concept",
    unpaid: (i) => i.status === "published" && i.payment_status === "unpaid",
    overpaid: (i) => i.payment_status === "overpaid",
    expired: (i) => i.status === "published" && i.payment_status === "unpaid" && i.due_date < today(),
    credit_invoices: (i) => i.price_with_vat.startsWith("-"),
  };
  const keep = bySelection[selection] ?? (() => false); // imported, debt_collector…: nothing of that kind here
  const from = params.get("search[from]");
  const till = params.get("search[till]");
  const contactId = params.get("search[contact_id]");
  const reference = params.get("search[api_reference]");
  return state.invoices.filter((i) =>
    keep(i) &&
    (!from || i.date >= from) &&
    (!till || i.date <= till) &&
    (!contactId || String(i.contact_id) === contactId) &&
    (reference === null || i.api_reference === reference),
  );
}

/** Saves what buildInvoice produced (new inline contact, payments, publication counter). */
function commit(state: RompslompState, built: Exclude<Built, { errors: string[] }>, replacing?: SalesInvoiceJson): SalesInvoiceJson {
  if (built.contact) {
    state.contacts.push(built.contact);
    state.counters.contact += 1;
  }
  if (built.invoice.status === "published" && !replacing?.invoice_number) state.counters.invoice += 1;
  state.payments.push(...built.payments);
  if (built.email) state.emails = [...(state.emails ?? []), built.email];
  if (replacing) state.invoices = state.invoices.map((i) => (i.id === replacing.id ? built.invoice : i));
  else state.invoices.push(built.invoice);
  return built.invoice;
}

const paymentsForbidden = () => apiError(403, "client.authorization.invalid_scope", 'Voor het toevoegen van betalingen is de scope "manage:payments" nodig');

/** A sales_invoice body as Rompslomp checks it on create and update: root, permitted keys, payments scope. */
async function readInvoiceBody(req: Request, token: TokenRecord): Promise<JsonBody> {
  const body = await readRoot(req, "sales_invoice");
  if (!body.ok) return body;
  const extra = unpermittedInvoiceKeys(body.value);
  if (extra.length) return { ok: false, response: unpermittedError(extra) };
  if (body.value.payments !== undefined && !hasScope(token, "manage:payments")) return { ok: false, response: paymentsForbidden() };
  return body;
}

export async function salesInvoices({ ctx, method, rest, token }: Route): Promise<Response> {
  if (rest.length === 0 && method === "GET") return paginated(ctx.url, "sales_invoices", select(await ctx.read(), ctx.url.searchParams));

  if (rest.length === 0 && method === "POST") {
    const body = await readInvoiceBody(ctx.req, token);
    if (!body.ok) return body.response;
    return ctx.update((state) => {
      const built = buildInvoice(state, body.value);
      if ("errors" in built) return validationError("Factuur", built.errors);
      return Response.json({ sales_invoice: commit(state, built) }, { status: 201 });
    });
  }

  const id = rest[0];
  if (rest.length !== 1 || !id) return noEndpoint();

  if (method === "GET") {
    const found = (await ctx.read()).invoices.find((i) => String(i.id) === id);
    return found ? Response.json({ sales_invoice: found }) : notFound("Factuur");
  }

  if (method === "PATCH" || method === "PUT") {
    const body = await readInvoiceBody(ctx.req, token);
    if (!body.ok) return body.response;
    return ctx.update((state) => {
      const current = state.invoices.find((i) => String(i.id) === id);
      if (!current) return notFound("Factuur");
      // A published invoice is final: only payments can still be added (create-only).
      const changes = Object.keys(body.value).filter((k) => k !== "payments");
      if (current.status === "published" && changes.length) return validationError("Factuur", ["Een gepubliceerde factuur kan niet meer worden gewijzigd"]);
      const base = asInput(current);
      const merged = {
        ...base,
        ...body.value,
        invoice_lines: mergeLines(base.invoice_lines as Record<string, unknown>[], (body.value.invoice_lines as Record<string, unknown>[] | undefined) ?? []),
      };
      const built = buildInvoice(state, merged, current);
      if ("errors" in built) return validationError("Factuur", built.errors);
      return Response.json({ sales_invoice: commit(state, built, current) });
    });
  }

  if (method === "DELETE") {
    return ctx.update((state) => {
      const current = state.invoices.find((i) => String(i.id) === id);
      if (!current) return notFound("Factuur");
      if (current.status === "published") return validationError("Factuur", ["Een gepubliceerde factuur kan niet worden verwijderd"]);
      state.invoices = state.invoices.filter((i) => i !== current);
      state.payments = state.payments.filter((p) => p.sales_invoice_id !== current.id);
      return new Response(null, { status: 204 });
    });
  }
  return noEndpoint();
}
