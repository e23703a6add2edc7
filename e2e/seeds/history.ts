// The merchant of e2e/history-import.spec.ts: an account of its own with one Magento 2 → Rompslomp
// integration configured as the demo's (its own sandbox tenants), started on 1 June 2025, and a shop
// holding invoices from before that day: E2E_HISTORY_DOCS of them (a multiple of 5; 200 by default, as
// CI runs it; the acceptance run sets 2000). Tenant slug = license key in lower case.
import { inProcessSandboxFetch } from "../../connectors/sandbox/in-process-fetch";
import type { Db } from "../../lib/db/client";
import { formatMoney } from "../../lib/i18n/locale";
import { seedConfiguredIntegration, seedMerchant } from "./configured-integration";

const count = Number(process.env.E2E_HISTORY_DOCS ?? 200);
if (!Number.isInteger(count) || count <= 0 || count % 5 !== 0) throw new Error(`E2E_HISTORY_DOCS must be a positive multiple of 5, not ${process.env.E2E_HISTORY_DOCS}`);

export const HISTORY_MERCHANT = {
  email: "historie@example.com",
  password: "historie-password",
  licenseKey: "HIST-MAGENTO-ROMPSLOMP",
  startDate: "2025-06-01",
  from: "2025-01-01",
  to: "2025-05-31",
  count,
  // Invoices of 10 … 14 excl. 21% VAT in turn: every five together 60.00 excl. and 72.60 incl. VAT.
  totalExcl: formatMoney("en", ((count / 5) * 60).toFixed(2)),
  totalIncl: formatMoney("en", ((count / 5) * 72.6).toFixed(2)),
} as const;

/** Invoice i: one line of 10 + (i mod 5) euro excl. VAT, hourly from 1 February 2025 (UTC). */
function invoice(i: number, orderId: string) {
  const price = 10 + (i % 5);
  const at = new Date(Date.UTC(2025, 1, 1) + i * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
  return { order_id: orderId, created_at: at, items: [{ sku: `HIST-${i % 5}`, name: `Mok ${i % 5}`, qty: 1, base_price: price, base_price_incl_tax: +(price * 1.21).toFixed(2), tax_percent: 21 }] };
}

export async function seedHistoryMerchant(db: Db, appUrl: string): Promise<void> {
  const M = HISTORY_MERCHANT;
  const accountId = await seedMerchant(db, { company: "Historie Webwinkel B.V.", name: "Historie", email: M.email, password: M.password });
  await seedConfiguredIntegration(db, appUrl, { accountId, licenseKey: M.licenseKey, like: "DEMO-MAGENTO-ROMPSLOMP", startDate: M.startDate });
  const base = `${appUrl}/sandbox/magento2/${M.licenseKey.toLowerCase()}`;

  // The shop: one customer's order and the invoices of it, written in one bulk admin call.
  const admin = (path: string, body: unknown) => inProcessSandboxFetch(`${base}/_admin/${path}`, { method: "POST", body: JSON.stringify(body) });
  const order = await admin("documents", {
    kind: "order",
    payload: { customer_email: "historie-klant@example.nl", billing_address: { firstname: "Hanna", lastname: "Visser", street: ["Kerkstraat 1"], postcode: "1011AA", city: "Amsterdam", country_id: "NL" }, payment: { method: "checkmo" }, items: [] },
  });
  if (order.status !== 201) throw new Error(`history seed: order ${order.status} ${await order.text()}`);
  const orderId = ((await order.json()) as { id: string }).id;
  const bulk = await admin("documents/bulk", { kind: "invoice", payloads: Array.from({ length: M.count }, (_, i) => invoice(i, orderId)) });
  if (bulk.status !== 201) throw new Error(`history seed: invoices ${bulk.status} ${await bulk.text()}`);
}
