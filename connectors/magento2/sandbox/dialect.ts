import type { Dialect } from "./documents";
import { jsonNumber } from "../../sandbox/kit/json-number";

/** Magento 2's JSON for the document store: numbers, discount_tax_compensation, `items` everywhere. */
export const magento2Dialect: Dialect = {
  amount: (value) => jsonNumber(value, 4),
  compensation: "base_discount_tax_compensation_amount",
  shippingCompensation: "base_shipping_discount_tax_compensation_amnt",
  rowsKey: () => "items",
  orderItemsKey: "items",
  incrementId: (n) => String(n).padStart(9, "0"),
  defaultOrder: () => ({
    customer_email: "klant@example.nl",
    customer_firstname: "Sandbox",
    customer_lastname: "Klant",
    customer_is_guest: 1,
    billing_address: { address_type: "billing", firstname: "Sandbox", lastname: "Klant", street: ["Teststraat", "1"], postcode: "1234AB", city: "Amsterdam", country_id: "NL", telephone: "0201234567" },
    payment: { method: "checkmo", additional_information: ["Check / Money order"] },
  }),
};
