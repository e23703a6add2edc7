import type { Dialect } from "../../magento2/sandbox/documents";

/** Magento 1.9's JSON: amounts as 4-decimal strings, hidden_tax, rows under invoice_items / creditmemo_items / order_items. */
export const magento1Dialect: Dialect = {
  amount: (value) => value.toFixed(4),
  compensation: "base_hidden_tax_amount",
  shippingCompensation: "base_shipping_hidden_tax_amnt",
  rowsKey: (kind) => (kind === "creditnote" ? "creditmemo_items" : "invoice_items"),
  orderItemsKey: "order_items",
  incrementId: (n) => String(100_000_000 + n),
  defaultOrder: () => ({
    customer_email: "klant@example.nl",
    customer_firstname: "Sandbox",
    customer_lastname: "Klant",
    payment_method: "checkmo",
    addresses: [
      { address_type: "billing", firstname: "Sandbox", lastname: "Klant", street: "Teststraat\n1", postcode: "1234AB", city: "Amsterdam", country_id: "NL", telephone: "0201234567" },
      { address_type: "shipping", firstname: "Sandbox", lastname: "Klant", street: "Teststraat\n1", postcode: "1234AB", city: "Amsterdam", country_id: "NL", telephone: "0201234567" },
    ],
  }),
};
