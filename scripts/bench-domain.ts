/**
 * `npm run bench:domain`: how many shop documents per second one core normalizes and pre-checks,
 * and how many it prepares completely for booking (normalize → rates snapped → VAT aligned →
 * pre-check → VAT grid → target rounding). Documents are CCV Shop orders of 10 rows at mixed 21%
 * and 9% with shipping, in the shop's own JSON, all different. Target: ≥ 20,000/s normalized and
 * pre-checked. Options: --docs=N (default 20000), --lines=N (default 10), --passes=N (default 1:
 * the best of N passes over the documents; on a shared machine the rate by CPU time is the steadier figure),
 * --normalize-only (skips the slower whole-path measurement).
 */
import { performance } from "node:perf_hooks";
import { ccvshopSourceFactory } from "../connectors/ccvshop";
import { normalizeOrder } from "../connectors/ccvshop/map";
import { sandboxCredentials } from "../connectors/ccvshop/sandbox/credentials";
import { completeRow, completeTotals } from "../connectors/ccvshop/sandbox/totals";
import { euVatRates } from "../lib/domain/eu-vat-rates";
import { precheck } from "../lib/domain/precheck";
import { prepareBooking } from "../lib/pipeline/prepare-booking";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const docs = arg("docs", 20_000);
const lineCount = arg("lines", 10);
const passes = Math.max(1, arg("passes", 1));

function order(i: number) {
  const rows = Array.from({ length: lineCount }, (_, r) =>
    completeRow({ product_name: `Artikel ${r}`, product_number: `SKU-${r}`, count: 1 + ((i + r) % 4), price: Number((1 + ((i * 7 + r * 13) % 5000) / 100).toFixed(2)), tax: r % 3 === 0 ? 9 : 21 }),
  );
  const doc = { id: i, ordernumber_full: `B${i}`, create_date: "2026-11-21T10:00:00Z", paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", is_intra_community_order: false,
    customer: { email: `klant${i}@example.nl`, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } } };
  return { ...completeTotals(doc, rows, { rowsIncl: true, priceField: "selling_price", paymentAtShippingRate: true }), orderrows: rows };
}

const payloads = Array.from({ length: docs }, (_, i) => order(i));
const grid = euVatRates.flatMap((c) => [c.standard, ...c.reduced, "0"].map((rate) => ({ region: c.country, rate, vatCode: `${c.country}-${rate}`, revenueAccount: "8000" })));
const source = ccvshopSourceFactory({ baseUrl: "http://bench", credentials: sandboxCredentials("bench") }, { documentTrigger: "paid-orders", shopCountry: "NL" });

function measure(name: string, fn: (payload: unknown, i: number) => void) {
  for (let i = 0; i < Math.min(2000, docs); i++) fn(payloads[i], i); // warm-up
  let seconds = Infinity;
  let cpuSeconds = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < docs; i++) fn(payloads[i], i);
    const cpu = process.cpuUsage(cpuStart);
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
    // CPU time of the whole process (the garbage collector's helper threads included).
    cpuSeconds = Math.min(cpuSeconds, (cpu.user + cpu.system) / 1e6);
  }
  const rate = (s: number) => Math.round(docs / s).toLocaleString("en");
  console.log(`${name.padEnd(44)} ${rate(seconds).padStart(8)} documents/s  (${docs} × ${lineCount} lines in ${seconds.toFixed(2)} s; ${rate(cpuSeconds)}/s by CPU time${passes > 1 ? `; best of ${passes} passes` : ""})`);
  return docs / seconds;
}

const normalized = measure("normalize + pre-check", (payload) => precheck(normalizeOrder(payload, { documentTrigger: "paid-orders", shopCountry: "NL" })));
if (!process.argv.includes("--normalize-only")) {
  measure("prepare for booking (whole domain path)", (payload, i) => {
    prepareBooking(source, { kind: "order", sourceId: String(i), payload }, { licenseKey: "BENCH", vatGrid: grid, arithmetic: { vat: "line", basis: "excl" }, roundingLine: true });
  });
}
console.log(`target ≥ 20,000/s normalized and pre-checked: ${normalized >= 20_000 ? "met" : "NOT met"}`);
