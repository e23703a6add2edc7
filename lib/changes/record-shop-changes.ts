import type { SourceConnector, SourceDocument } from "@/connectors/types";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import type { SalesDocument } from "../domain/sales-document";
import { prepareBooking, type BookingConfig } from "../pipeline/prepare-booking";
import { compareBooked, type ShopChange } from "./compare-booked";

/**
 * A booked document arrived again: compares the shop's current version with what was booked (both
 * through the same normalization and preparation) and keeps the differences on the document for
 * the dashboard. A new set of differences is one audit event; the same set seen again is not.
 * Returns the differences (empty = unchanged, which also clears an earlier flag).
 */
export async function recordShopChanges(db: Db, documentId: string, source: SourceConnector, raw: SourceDocument, config: BookingConfig): Promise<ShopChange[]> {
  const row = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { integrationId: true, normalized: true, shopChanges: true } });
  if (!row.normalized) return [];
  let current: SalesDocument;
  try {
    current = prepareBooking(source, raw, config).document;
  } catch {
    current = source.normalize(raw); // the new version would not book as it is; still compare what it says
  }
  const changes = compareBooked(row.normalized as SalesDocument, current);
  // Compared field by field: the database may hand the stored JSON back with its keys in another order.
  const key = (list: ShopChange[]) => JSON.stringify(list.map((c) => [c.field, c.booked, c.shop]));
  if (key(changes) === key((row.shopChanges as ShopChange[] | null) ?? [])) return changes;
  await db.document.update({
    where: { id: documentId },
    data: changes.length
      ? { shopChanges: changes as Prisma.InputJsonValue, shopChangedAt: new Date() }
      : { shopChanges: Prisma.DbNull, shopChangedAt: null },
  });
  if (changes.length) await recordAudit(db, { actor: "system", integrationId: row.integrationId, documentId, action: "document.changed", detail: { changes } });
  return changes;
}
