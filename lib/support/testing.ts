import type { Db } from "../db/client";

/** Test fixtures of the support tests: a merchant with one integration, documents in error with their exchange. */
export async function createMerchant(db: Db, name: string, opts: { locale?: string; role?: string } = {}) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const account = await db.account.create({
    data: {
      name, locale: opts.locale ?? "en",
      users: { create: { email: `${slug}@example.com`, passwordHash: "x", role: opts.role ?? "owner" } },
      integrations: opts.role === "operator" ? undefined : { create: { licenseKey: `${slug.toUpperCase()}-KEY`, name: `${name} shop`, sourceSystem: "ccvshop", targetSystem: "rompslomp", status: "active" } },
    },
    include: { users: true, integrations: true },
  });
  return { accountId: account.id, userId: account.users[0]!.id, email: account.users[0]!.email, integrationId: account.integrations[0]?.id ?? "" };
}

export async function errorDocument(db: Db, integrationId: string, sourceId: string, errorCode: string, calls = 2) {
  const doc = await db.document.create({
    data: {
      integrationId, kind: "order", sourceId, sourceNumber: `10${sourceId}`, status: "error", rawPayload: { id: sourceId },
      currency: "EUR", totalInclVat: "41.86", totalExclVat: "35.07", customerName: "Eva Koper",
      errorCode, errorDetail: `The order total is 41.86 incl. VAT, but its lines add up to 40.00 (${errorCode}).`, attempts: 1,
    },
  });
  for (let i = 0; i < calls; i++) {
    await db.externalCall.create({
      data: {
        integrationId, documentId: doc.id, system: "ccvshop", method: "GET", url: `https://shop.example/api/rest/v1/orders/${sourceId}?call=${i}`,
        status: 200, responseBody: JSON.stringify({ id: sourceId, total_price: 41.86, call: i }), durationMs: 12, at: new Date(Date.UTC(2026, 0, 1, 12, 0, i)),
      },
    });
  }
  return doc;
}
