import type { SourcePayment } from "@/connectors/types";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";

/**
 * Records the shop's payments of a booked document. The (integration, source id) key is unique, so
 * the same payment delivered again finds its row and changes nothing. Returns the payments of the
 * document to send `payment/received` for: when it was just booked (`all`), every one still to book
 * (also ones that waited for it); when a booked document was announced again (`queued`), only the
 * ones still queued (new since): one waiting for its night, or on Errors, is not hurried by a webhook.
 */
export async function recordPayments(db: Db, integrationId: string, documentId: string, payments: SourcePayment[], send: "all" | "queued" = "all"): Promise<string[]> {
  for (const p of payments) {
    await db.payment.upsert({
      where: { integrationId_sourceId: { integrationId, sourceId: p.sourceId } },
      create: {
        integrationId, documentId, sourceId: p.sourceId, amount: p.amount, currency: p.currency, method: p.method ?? null,
        paidAt: new Date(p.paidAt), status: "queued", rawPayload: p as unknown as Prisma.InputJsonValue,
      },
      update: {},
      select: { id: true },
    });
  }
  // Also payments recorded earlier that were waiting for this document.
  const pending = await db.payment.findMany({
    where: { integrationId, documentId, status: send === "all" ? { not: "booked" } : "queued" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return pending.map((p) => p.id);
}
