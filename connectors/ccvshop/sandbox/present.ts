import type { Json, Webhook } from "./state";

/** Stored resources → the JSON CCV serves: internal "_" fields dropped, links absolute to this tenant. */
const visible = (resource: Json) => Object.fromEntries(Object.entries(resource).filter(([k]) => !k.startsWith("_")));

export const API = "/api/rest/v1";

export function presentOrder(order: Json, base: string): Json {
  const self = `${base}${API}/orders/${order.id}`;
  return {
    ...visible(order),
    href: self,
    orderrows: { href: `${self}/orderrows` },
    invoices: { href: `${self}/invoices` },
    ordernotes: { href: `${self}/ordernotes` },
  };
}

export function presentInvoice(invoice: Json, base: string): Json {
  const self = `${base}${API}/invoices/${invoice.id}`;
  return {
    ...visible(invoice),
    href: self,
    order: invoice._order_id === undefined || invoice._order_id === null ? null : `${base}${API}/orders/${invoice._order_id}`,
    invoicerows: { href: `${self}/invoicerows` },
  };
}

export function presentRow(row: Json, base: string, kind: "orderrows" | "invoicerows"): Json {
  return { ...visible(row), href: `${base}${API}/${kind}/${row.id}` };
}

export function presentWebhook(webhook: Webhook, base: string): Json {
  return { ...webhook, href: `${base}${API}/webhooks/${webhook.id}`, parent: { href: `${base}${API}/webhooks` } };
}
