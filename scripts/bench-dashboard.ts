// `npm run bench:dashboard`: how fast the dashboard answers with 200,000 documents in one
// integration, on the embedded database. Builds only when there is no build; seeds a fresh PGlite
// data directory with bulk SQL; starts `next start` on a free port; logs in through the real
// credentials flow; requests every tab N times after warm-ups; prints p50/p95/max per page.
// A measurement, never a test: nothing here fails on a slow answer.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUPS = 3;
const TARGET_MS = 300;
const EMAIL = "bench@example.com";
const PASSWORD = "bench-password";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const port = await freePort();
const inngestPort = await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "boekkoppeling-bench-"));
const appUrl = `http://localhost:${port}`;
Object.assign(process.env, {
  PORT: String(port), APP_URL: appUrl, DATA_DIR: dataDir, SANDBOX: "1", INNGEST_EMBEDDED_PORT: String(inngestPort),
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.from("bench".padEnd(32, "k")).toString("base64"),
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
});
delete process.env.DATABASE_URL;

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No build found: next build --webpack");
  execSync("npx next build --webpack", { cwd: root, stdio: "inherit" });
}

// ─── Seed ──────────────────────────────────────────────────────────────────
const { applyMigrations } = await import("../lib/db/migrate");
const { openPglite, pgliteDir } = await import("../lib/db/adapter");
const { hashPassword } = await import("../lib/crypto/password");
const pglite = openPglite(pgliteDir());
await applyMigrations({ exec: (s) => pglite.exec(s), query: (s, p) => pglite.query(s, p) });

const seedStart = Date.now();
const passwordHash = await hashPassword(PASSWORD);
await pglite.query(`INSERT INTO "Account" (id, name, locale, country) VALUES ('bench-account', 'Bench Webwinkel B.V.', 'en', 'NL')`);
await pglite.query(`INSERT INTO "User" (id, "accountId", email, name, "passwordHash") VALUES ('bench-user', 'bench-account', $1, 'Bench', $2)`, [EMAIL, passwordHash]);
await pglite.query(`INSERT INTO "Integration" (id, "accountId", "licenseKey", name, "sourceSystem", "targetSystem", status, "lastSyncAt", "updatedAt", "termsAcceptedAt", "trialEndsAt")
  VALUES ('bench-integration', 'bench-account', 'BENCH-CCVSHOP-ROMPSLOMP', 'Bench shop → Rompslomp', 'ccvshop', 'rompslomp', 'active', now(), now(), now(), now() + interval '30 days')`);

await pglite.query(`INSERT INTO "Connection" (id, "integrationId", side, system, "baseUrl", status, "updatedAt") VALUES
  ('bench-source', 'bench-integration', 'source', 'ccvshop', $1, 'ok', now()), ('bench-target', 'bench-integration', 'target', 'rompslomp', $2, 'ok', now())`,
[`${appUrl}/sandbox/ccvshop/bench`, `${appUrl}/sandbox/rompslomp/bench`]);

// Documents spread over the last 365 (Dutch) days: mostly booked, 2% errors of three causes,
// ~2.7% open, a few queued; NL/BE/DE/FR with each country's high and low rate; 1 in 40 a credit note.
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
// The running day totals are filled set-based after the bulk insert (what the migration does for
// existing documents) instead of by the per-row trigger: the same totals, a faster seed.
await pglite.exec(`ALTER TABLE "Document" DISABLE TRIGGER "Document_recon_totals"`);
await pglite.exec(`
  INSERT INTO "Document" (id, "integrationId", kind, "sourceId", "sourceNumber", status, "rawPayload", normalized, currency,
    "totalInclVat", "totalExclVat", "documentDate", "customerName", "targetRef", "targetNumber", "errorCode", "errorDetail", "errorParams",
    attempts, "receivedAt", "bookedAt", "updatedAt")
  WITH base AS (
    SELECT g,
      (ARRAY['NL','NL','NL','NL','NL','BE','DE','FR'])[1 + g % 8] AS country,
      CASE WHEN g % 40 = 0 THEN -1 ELSE 1 END AS sign,
      round((5 + (g::bigint * 7919 % 20000) / 100.0)::numeric, 2) AS hi_excl,
      round(((g::bigint * 104729 % 3000) / 100.0)::numeric, 2) AS lo_excl,
      round((4.95)::numeric, 2) AS ship_excl,
      CASE WHEN g % 50 = 0 THEN 'error' WHEN g % 37 = 0 THEN 'open' WHEN g % 997 = 0 THEN 'queued' ELSE 'booked' END AS status,
      (DATE '${today}' - (g % 365)) AS day
    FROM generate_series(1, ${DOCUMENTS}) g
  ), rates AS (
    SELECT *, CASE country WHEN 'DE' THEN 19 WHEN 'FR' THEN 20 ELSE 21 END::numeric AS hi,
      CASE country WHEN 'DE' THEN 7 WHEN 'FR' THEN 5.5 WHEN 'BE' THEN 6 ELSE 9 END::numeric AS lo FROM base
  ), amounts AS (
    SELECT *, sign * hi_excl AS e1, sign * round(hi_excl * hi / 100, 2) AS v1, sign * lo_excl AS e2, sign * round(lo_excl * lo / 100, 2) AS v2,
      sign * ship_excl AS e3, sign * round(ship_excl * hi / 100, 2) AS v3 FROM rates
  )
  SELECT 'bench-doc-' || g, 'bench-integration', CASE WHEN sign < 0 THEN 'creditnote' ELSE 'order' END, g::text, 'WEB-' || (100000 + g), status, '{}'::jsonb,
    jsonb_build_object(
      'kind', CASE WHEN sign < 0 THEN 'creditnote' ELSE 'order' END, 'date', to_char(day, 'YYYY-MM-DD'), 'currency', 'EUR',
      'shopCountry', 'NL', 'deliveryCountry', country, 'pricesIncludeVat', true, 'icp', false, 'international', false, 'creditFactor', sign,
      'source', jsonb_build_object('system', 'ccvshop', 'id', g::text, 'number', 'WEB-' || (100000 + g)),
      'customer', jsonb_build_object('email', 'customer' || (g % 5000) || '@example.com', 'billing', jsonb_build_object('lastName', 'Customer ' || (g % 5000), 'country', country)),
      'paymentMethod', jsonb_build_object('classification', 'ideal'),
      'lines', jsonb_build_array(
        jsonb_build_object('kind', 'product', 'code', 'SKU-' || (g % 300), 'description', 'Product ' || (g % 300), 'quantity', '1', 'vatRate', hi::text,
          'unitPriceExcl', e1::text, 'unitPriceIncl', (e1 + v1)::text, 'totalExcl', e1::text, 'vatAmount', v1::text, 'totalIncl', (e1 + v1)::text),
        jsonb_build_object('kind', 'product', 'code', 'FOOD-' || (g % 100), 'description', 'Food ' || (g % 100), 'quantity', '1', 'vatRate', lo::text,
          'unitPriceExcl', e2::text, 'unitPriceIncl', (e2 + v2)::text, 'totalExcl', e2::text, 'vatAmount', v2::text, 'totalIncl', (e2 + v2)::text),
        jsonb_build_object('kind', 'shipping', 'description', 'Shipping', 'quantity', '1', 'vatRate', hi::text,
          'unitPriceExcl', e3::text, 'unitPriceIncl', (e3 + v3)::text, 'totalExcl', e3::text, 'vatAmount', v3::text, 'totalIncl', (e3 + v3)::text)),
      'totals', jsonb_build_object('excl', (e1 + e2 + e3)::text, 'vat', (v1 + v2 + v3)::text, 'incl', (e1 + v1 + e2 + v2 + e3 + v3)::text)),
    'EUR', e1 + v1 + e2 + v2 + e3 + v3, e1 + e2 + e3, day::timestamp, 'Customer ' || (g % 5000),
    CASE WHEN status = 'booked' THEN (700000000 + g)::text END, CASE WHEN status = 'booked' THEN '2026-' || lpad(g::text, 6, '0') END,
    CASE WHEN status = 'error' THEN (ARRAY['vat_rate_unmapped', 'debtor_rejected', 'timeout'])[1 + (g / 50) % 3] END,
    CASE WHEN status = 'error' THEN 'Bench error' END,
    CASE WHEN status = 'error' AND (g / 50) % 3 = 0 THEN jsonb_build_object('region', country, 'rate', lo::text) END,
    CASE WHEN status = 'error' THEN 3 ELSE 1 END,
    day::timestamp + interval '10 hours', CASE WHEN status = 'booked' THEN day::timestamp + interval '10 hours 1 minute' END, now()
  FROM amounts`);
await pglite.exec(`
  INSERT INTO "Payment" (id, "integrationId", "documentId", "sourceId", amount, currency, method, "paidAt", status, "targetRef", attempts, "createdAt", "updatedAt")
  SELECT 'bench-pay-' || d."sourceId", d."integrationId", d.id, 'PAY-' || d."sourceId", d."totalInclVat", 'EUR', 'iDEAL', d."documentDate",
    CASE WHEN d."sourceId"::int % 600 = 0 THEN 'error' ELSE 'booked' END, 'P' || d."sourceId", 1, d."receivedAt", now()
  FROM "Document" d WHERE d."integrationId" = 'bench-integration' AND d.kind = 'order' AND d."sourceId"::int % 60 = 1`);
await pglite.exec(`ALTER TABLE "Document" ENABLE TRIGGER "Document_recon_totals"`);
const migration = fs.readFileSync(path.join(root, "prisma", "migrations", "20261124110000_reconciliation", "migration.sql"), "utf8");
await pglite.exec(migration.slice(migration.indexOf("-- The documents that exist already")));
await pglite.exec(`ANALYZE`);
const counts = await pglite.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM "Document" GROUP BY 1 ORDER BY 1`);
const payments = await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Payment"`);
console.log(`Seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s: ${counts.rows.map((r) => `${r.n} ${r.status}`).join(", ")}; ${payments.rows[0]!.n} payments`);
await pglite.close();

// ─── Serve ─────────────────────────────────────────────────────────────────
const server = spawn("npx", ["next", "start", "-p", String(port)], { cwd: root, env: process.env, stdio: ["ignore", "ignore", "inherit"], detached: true });
const stop = () => { try { process.kill(-server.pid!, "SIGTERM"); } catch { /* already gone */ } };
process.on("exit", () => { stop(); fs.rmSync(dataDir, { recursive: true, force: true }); });
process.on("SIGINT", () => process.exit(130));

async function waitForServer(url: string, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Server did not answer at ${url} within ${timeoutMs / 1000}s`);
}
await waitForServer(`${appUrl}/login`);

// ─── Log in (next-auth credentials: csrf token + cookie, then the callback) ─
const jar = new Map<string, string>();
const keep = (res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
const csrfRes = await fetch(`${appUrl}/api/auth/csrf`);
keep(csrfRes);
const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
const login = await fetch(`${appUrl}/api/auth/callback/credentials`, {
  method: "POST", redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
  body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, json: "true", callbackUrl: `${appUrl}/dashboard` }),
});
keep(login);
if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Login failed (${login.status})`);

// ─── Measure ───────────────────────────────────────────────────────────────
const base = `${appUrl}/dashboard/bench-integration`;
const pages: [string, string][] = [
  ["report", `${base}/report`], ["errors", `${base}/errors`], ["open", `${base}/open`], ["payments", `${base}/payments`],
  ["configuration", `${base}/configuration`], ["overview", `${base}/overview`], ["reconciliation", `${base}/reconciliation`],
];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const results: { page: string; p50: number; p95: number; max: number; status: number }[] = [];
for (const [name, url] of pages) {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie() }, redirect: "manual" });
    await res.arrayBuffer();
    const ms = performance.now() - start;
    status = res.status;
    if (i >= WARMUPS) times.push(ms);
  }
  times.sort((a, b) => a - b);
  results.push({ page: name, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1]!, status });
}

console.log(`\n${DOCUMENTS} documents, ${RUNS} requests per page after ${WARMUPS} warm-ups (server response incl. body):\n`);
console.log(`${"page".padEnd(16)}${"status".padStart(7)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"max ms".padStart(9)}  p95 < ${TARGET_MS} ms`);
for (const r of results) {
  console.log(`${r.page.padEnd(16)}${String(r.status).padStart(7)}${r.p50.toFixed(0).padStart(9)}${r.p95.toFixed(0).padStart(9)}${r.max.toFixed(0).padStart(9)}  ${r.p95 < TARGET_MS ? "yes" : "NO"}`);
}
process.exit(0);
