import { D } from "@/lib/domain/money";
import { LANGUAGES } from "./seed";
import type { Json, PsState, Resource } from "./state";

/**
 * How each resource looks in the webservice JSON (webshop-apis.md §3.3–3.5), 8.x style: integer
 * fields as numbers, prices as strings with six decimals, rates with three, flags as "0"/"1",
 * unset dates as "0000-00-00 00:00:00", multilang fields as [{id, value}] (or a plain string when
 * one language is asked). Hidden fields (order_details' tax_rate, tax_name) are never served.
 */
type Kind = "int" | "price" | "rate" | "text" | "date" | "flag" | "lang";
type Field = [name: string, kind: Kind];
export type ResourceDef = { singular: string; fields: Field[]; i18n?: string[]; association?: (rec: Json, state: PsState) => Json | undefined };

const f = (kind: Kind, names: string) => names.trim().split(/\s+/).map((n): Field => [n, kind]);

const ORDER_ROW_FIELDS = ["id", "product_id", "product_attribute_id", "product_quantity", "product_name", "product_reference", "product_ean13", "product_isbn", "product_upc", "product_price", "id_customization", "unit_price_tax_incl", "unit_price_tax_excl"];

export const RESOURCE_DEFS: Record<Resource, ResourceDef> = {
  orders: {
    singular: "order",
    fields: [
      ...f("int", "id id_address_delivery id_address_invoice id_cart id_currency id_lang id_customer id_carrier current_state"),
      ...f("text", "module"), ...f("int", "invoice_number"), ...f("date", "invoice_date"), ...f("int", "delivery_number"), ...f("date", "delivery_date"),
      ...f("flag", "valid"), ...f("date", "date_add date_upd"), ...f("text", "shipping_number note"), ...f("int", "id_shop_group id_shop"),
      ...f("text", "secure_key payment"), ...f("flag", "recyclable gift"), ...f("text", "gift_message"), ...f("flag", "mobile_theme"),
      ...f("price", "total_discounts total_discounts_tax_incl total_discounts_tax_excl total_paid total_paid_tax_incl total_paid_tax_excl total_paid_real total_products total_products_wt total_shipping total_shipping_tax_incl total_shipping_tax_excl"),
      ...f("rate", "carrier_tax_rate"), ...f("price", "total_wrapping total_wrapping_tax_incl total_wrapping_tax_excl"),
      ...f("int", "round_mode round_type"), ...f("price", "conversion_rate"), ...f("text", "reference"),
    ],
    association: (order, state) => ({
      order_rows: state.data.order_details
        .filter((d) => String(d.id_order) === String(order.id))
        .map((d) => pick(present("order_details", d), ORDER_ROW_FIELDS, { product_price: d.unit_price_tax_excl })),
    }),
  },
  order_details: {
    singular: "order_detail",
    fields: [
      ...f("int", "id id_order product_id product_attribute_id product_quantity_reinjected"), ...f("price", "group_reduction"), ...f("flag", "discount_quantity_applied"),
      ...f("text", "download_hash"), ...f("date", "download_deadline"), ...f("int", "id_order_invoice id_warehouse id_shop id_customization"), ...f("text", "product_name"),
      ...f("int", "product_quantity product_quantity_in_stock product_quantity_return product_quantity_refunded"), ...f("price", "product_price reduction_percent reduction_amount reduction_amount_tax_incl reduction_amount_tax_excl product_quantity_discount"),
      ...f("text", "product_ean13 product_isbn product_upc product_mpn product_reference product_supplier_reference"), ...f("price", "product_weight"),
      ...f("int", "tax_computation_method id_tax_rules_group"), ...f("price", "ecotax"), ...f("rate", "ecotax_tax_rate"),
      ...f("price", "unit_price_tax_incl unit_price_tax_excl total_price_tax_incl total_price_tax_excl total_shipping_price_tax_excl total_shipping_price_tax_incl purchase_supplier_price original_product_price original_wholesale_price total_refunded_tax_excl total_refunded_tax_incl"),
    ],
    association: (d) => ({ taxes: ((d._taxes as number[] | undefined) ?? []).map((id) => ({ id })) }),
  },
  order_states: {
    singular: "order_state",
    fields: [...f("int", "id"), ...f("flag", "unremovable delivery hidden send_email"), ...f("text", "module_name"), ...f("flag", "invoice"), ...f("text", "color"), ...f("flag", "logable shipped paid pdf_delivery pdf_invoice deleted"), ...f("lang", "name template")],
    i18n: ["name", "template"],
  },
  order_payments: {
    singular: "order_payment",
    fields: [...f("int", "id"), ...f("text", "order_reference"), ...f("int", "id_currency"), ...f("price", "amount"), ...f("text", "payment_method"), ...f("price", "conversion_rate"), ...f("text", "transaction_id card_number card_brand card_expiration card_holder"), ...f("date", "date_add")],
  },
  customers: {
    singular: "customer",
    fields: [
      ...f("int", "id id_default_group id_lang"), ...f("date", "newsletter_date_add"), ...f("text", "ip_registration_newsletter"), ...f("date", "last_passwd_gen"), ...f("text", "secure_key"),
      ...f("flag", "deleted"), ...f("text", "passwd lastname firstname email"), ...f("int", "id_gender"), ...f("text", "birthday"), ...f("flag", "newsletter optin"), ...f("text", "website company siret ape"),
      ...f("price", "outstanding_allow_amount"), ...f("flag", "show_public_prices"), ...f("int", "id_risk max_payment_days"), ...f("flag", "active"), ...f("text", "note"), ...f("flag", "is_guest"), ...f("int", "id_shop id_shop_group"), ...f("date", "date_add date_upd"), ...f("text", "reset_password_token"), ...f("date", "reset_password_validity"),
    ],
  },
  addresses: {
    singular: "address",
    fields: [...f("int", "id id_customer id_manufacturer id_supplier id_warehouse id_country id_state"), ...f("text", "alias company lastname firstname vat_number address1 address2 postcode city other phone phone_mobile dni"), ...f("flag", "deleted"), ...f("date", "date_add date_upd")],
  },
  countries: {
    singular: "country",
    fields: [...f("int", "id id_zone id_currency call_prefix"), ...f("text", "iso_code"), ...f("flag", "active contains_states need_identification_number need_zip_code"), ...f("text", "zip_code_format"), ...f("flag", "display_tax_label"), ...f("lang", "name")],
    i18n: ["name"],
  },
  products: {
    singular: "product",
    fields: [...f("int", "id id_manufacturer id_supplier id_category_default"), ...f("text", "reference supplier_reference ean13 upc"), ...f("price", "price wholesale_price"), ...f("flag", "active"), ...f("int", "id_tax_rules_group"), ...f("date", "date_add date_upd"), ...f("lang", "name")],
    i18n: ["name"],
  },
  taxes: { singular: "tax", fields: [...f("int", "id"), ...f("rate", "rate"), ...f("flag", "active deleted"), ...f("lang", "name")], i18n: ["name"] },
  currencies: {
    singular: "currency",
    fields: [...f("int", "id"), ...f("lang", "names"), ...f("text", "name symbol iso_code numeric_iso_code"), ...f("int", "precision"), ...f("price", "conversion_rate"), ...f("flag", "deleted active")],
    i18n: ["names"],
  },
  categories: { singular: "category", fields: [...f("int", "id id_parent"), ...f("flag", "active"), ...f("lang", "name")], i18n: ["name"] },
};

function value(kind: Kind, raw: unknown, languages: number[]): unknown {
  const missing = raw === undefined || raw === null || raw === "";
  switch (kind) {
    case "int": return missing ? 0 : Number(raw);
    case "price": return new D(missing ? 0 : String(raw)).toFixed(6);
    case "rate": return new D(missing ? 0 : String(raw)).toFixed(3);
    case "flag": return raw === true || String(raw) === "1" ? "1" : "0";
    case "date": return missing ? "0000-00-00 00:00:00" : String(raw);
    case "lang": {
      const byLang = (raw && typeof raw === "object" ? raw : {}) as Record<string, string>;
      const values = languages.map((id) => ({ id: String(id), value: byLang[String(id)] ?? "" }));
      return values.length === 1 ? values[0]!.value : values;
    }
    default: return missing ? "" : String(raw);
  }
}

/** A stored record as the webservice shows it with display=full. `languages`: the `language` parameter's ids. */
export function present(resource: Resource, rec: Json, state?: PsState, languages = LANGUAGES.map((l) => l.id)): Json {
  const def = RESOURCE_DEFS[resource];
  const out: Json = {};
  for (const [name, kind] of def.fields) out[name] = value(kind, rec[name], languages);
  const associations = state && def.association?.(rec, state);
  if (associations) out.associations = associations;
  return out;
}

function pick(rec: Json, fields: string[], overrides: Json = {}): Json {
  const out: Json = {};
  for (const name of fields) out[name] = name in overrides ? value("price", overrides[name], []) : rec[name];
  return out;
}
