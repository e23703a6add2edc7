/**
 * Magento 1.9 JSON → the Magento 2 shape the shared mapping reads (connectors/magento2/map.ts).
 * The sales tables are the same in both versions; what differs is naming and packaging:
 * - hidden_tax (1.x) is discount_tax_compensation (2.x), on the document, its rows and shipping;
 * - the invoice extension embeds rows as `invoice_items` / `creditmemo_items`;
 * - the core order resource has `addresses` (billing/shipping, street as one string with line
 *   breaks), `order_items` and `payment_method` (the method code);
 * - amounts are strings with 4 decimals (parsed as Decimal by the mapping, never as floats).
 */
type Json = Record<string, unknown>;

const RENAMES: Record<string, string> = {
  base_hidden_tax_amount: "base_discount_tax_compensation_amount",
  hidden_tax_amount: "discount_tax_compensation_amount",
  base_shipping_hidden_tax_amnt: "base_shipping_discount_tax_compensation_amnt",
  shipping_hidden_tax_amount: "shipping_discount_tax_compensation_amount",
};

function renamed(resource: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(resource)) out[RENAMES[k] ?? k] = v;
  return out;
}

const records = (value: unknown): Json[] => {
  if (Array.isArray(value)) return value.filter((v): v is Json => !!v && typeof v === "object");
  if (value && typeof value === "object") return Object.values(value).filter((v): v is Json => !!v && typeof v === "object");
  return [];
};

function address(a: Json | undefined): Json | undefined {
  if (!a) return undefined;
  const street = typeof a.street === "string" ? a.street.split(/\r?\n/) : a.street;
  return { ...a, street };
}

/** The core order resource (GET /api/rest/orders/:id) in Magento 2's order shape. */
export function adaptOrder(order: Json): Json {
  const addresses = records(order.addresses);
  const billing = addresses.find((a) => a.address_type === "billing");
  const shipping = addresses.find((a) => a.address_type === "shipping");
  const additional = order.payment_additional_information;
  const paymentInfo = Array.isArray(order.payment_additional_info)
    ? order.payment_additional_info
    : additional && typeof additional === "object" ? Object.entries(additional).map(([key, value]) => ({ key, value })) : undefined;
  return {
    ...order,
    billing_address: address(billing),
    payment: { method: order.payment_method ?? null },
    items: records(order.order_items).map(renamed),
    extension_attributes: {
      ...(shipping ? { shipping_assignments: [{ shipping: { address: address(shipping) } }] } : {}),
      ...(paymentInfo ? { payment_additional_info: paymentInfo } : {}),
    },
  };
}

/** An invoice or credit memo of the extension (with its rows) and its order, as the mapping expects. */
export function adaptDocument(doc: Json, order: Json | undefined): Json {
  const rows = doc.invoice_items ?? doc.creditmemo_items ?? doc.items;
  const { invoice_items: _i, creditmemo_items: _c, ...rest } = renamed(doc);
  return { ...rest, items: records(rows).map(renamed), order: order ? adaptOrder(order) : undefined };
}
