import { z } from "zod";
import type { SourceDocument } from "../types";
import type { PrestaShopClient } from "./client";
import type { PrestaShopSettings } from "./config";
import { addressSchema, countrySchema, currencySchema, customerSchema, orderDetailSchema, orderHeadSchema, orderPaymentSchema, orderStateSchema, parsePayload, productSchema, taxSchema } from "./schemas";

/**
 * An order with everything the mapping reads, fetched through the real webservice paths and
 * embedded under each resource's own name: order_details (lines), taxes (their rates), customer,
 * addresses (the customer's), countries (ISO codes), products (SKU when a line has none),
 * order_state, order_payments (joined by reference), currency (only for an unknown currency id).
 */
const idFilter = (ids: Iterable<string>) => `[${[...new Set(ids)].join("|")}]`;

export async function fetchOrder(client: PrestaShopClient, id: string, settings: PrestaShopSettings): Promise<SourceDocument> {
  const raw = parsePayload(z.looseObject({}), await client.one("orders", "order", id), "order");
  const head = parsePayload(orderHeadSchema, raw, "order");

  const details = await client.listAll("order_details", { "filter[id_order]": `[${head.id}]` });
  const parsedDetails = details.map((d, i) => parsePayload(orderDetailSchema, d, `order detail ${i + 1}`));
  const taxIds = parsedDetails.flatMap((d) => d.associations?.taxes.map((t) => t.id) ?? []);
  const taxes = taxIds.length ? await client.list("taxes", { "filter[id]": idFilter(taxIds) }) : [];

  // Only the fields read: the customers resource also holds the password hash and secure key.
  const customer = head.id_customer
    ? ((await client.list("customers", { "filter[id]": `[${head.id_customer}]`, display: "[id,email,firstname,lastname,company]" }))[0] ?? null)
    : null;
  const customerId = customer ? parsePayload(customerSchema, customer, "customer").id : undefined;
  const addressIds = [head.id_address_invoice, head.id_address_delivery].filter((a): a is string => !!a);
  // "The integration retrieves the addresses via field [id] of the customer"; a guest without a customer record by the order's own ids.
  const addresses = customerId
    ? await client.listAll("addresses", { "filter[id_customer]": `[${customerId}]` })
    : addressIds.length ? await client.list("addresses", { "filter[id]": idFilter(addressIds) }) : [];
  const countryIds = addresses.map((a, i) => parsePayload(addressSchema, a, `address ${i + 1}`).id_country).filter((c): c is string => !!c);
  const countries = countryIds.length ? await client.list("countries", { "filter[id]": idFilter(countryIds), display: "[id,iso_code]" }) : [];

  const withoutSku = parsedDetails.filter((d) => !d.product_reference?.trim() && d.product_id).map((d) => d.product_id!);
  const products = withoutSku.length ? await client.list("products", { "filter[id]": idFilter(withoutSku), display: "[id,reference]" }) : [];

  const orderState = head.current_state ? await client.one("order_states", "order_state", head.current_state) : null;
  const payments = head.reference ? await client.listAll("order_payments", { "filter[order_reference]": `[${head.reference}]` }) : [];
  const currencyId = head.id_currency;
  const currency = currencyId && !settings.currencies[currencyId] ? await client.one("currencies", "currency", currencyId) : null;

  // Checked here so a malformed related resource fails the fetch with its own name, not later in the mapping.
  taxes.forEach((t, i) => parsePayload(taxSchema, t, `tax ${i + 1}`));
  countries.forEach((c, i) => parsePayload(countrySchema, c, `country ${i + 1}`));
  products.forEach((p, i) => parsePayload(productSchema, p, `product ${i + 1}`));
  payments.forEach((p, i) => parsePayload(orderPaymentSchema, p, `order payment ${i + 1}`));
  if (orderState) parsePayload(orderStateSchema, orderState, "order state");
  if (currency) parsePayload(currencySchema, currency, "currency");

  return {
    kind: "order",
    sourceId: head.id,
    number: head.reference?.trim() || head.id,
    payload: { ...raw, order_details: details, taxes, customer, addresses, countries, products, order_state: orderState, order_payments: payments, currency },
  };
}
