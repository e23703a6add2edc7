import type { Db } from "../db/client";

/** The login may see the account's invoices only as its owner (members and operators do not handle billing). */
export async function isAccountOwner(db: Db, userId: string, accountId: string): Promise<boolean> {
  return (await db.user.count({ where: { id: userId, accountId, role: "owner" } })) === 1;
}

/** The account's invoices, newest first, with the integration each is for. */
export function listInvoices(db: Db, accountId: string) {
  return db.subscriptionInvoice.findMany({
    where: { accountId },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    include: { integration: { select: { name: true, licenseKey: true } } },
  });
}

/** One invoice of the account, or null (another account's id reveals nothing). */
export function findInvoice(db: Db, accountId: string, invoiceId: string) {
  return db.subscriptionInvoice.findFirst({ where: { id: invoiceId, accountId }, include: { integration: { select: { licenseKey: true } } } });
}
