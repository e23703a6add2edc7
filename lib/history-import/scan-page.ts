import type { SourceConnector } from "@/connectors/types";
import { ConnectorError } from "@/connectors/types";
import type { Db } from "../db/client";

export type ScanPageResult = { done: boolean; found: number };

/**
 * One bounded step of a scan: the next page of the shop's documents in the range, each fetched and
 * normalized as the pipeline will (so the totals shown before starting are the totals that will be
 * booked), recorded as items of the import. Already booked ones are marked; unbookable ones say why.
 * The cursor is stored with the page's items, so a step that runs again re-reads the same page.
 */
/** How long one page waits out a shop's rate limit (429 + Retry-After) in all before it gives up and fails the step. */
const RATE_LIMIT_BUDGET_MS = 5 * 60_000;

export async function scanPage(db: Db, importId: string, source: SourceConnector, options: { sleep?: (ms: number) => Promise<void> } = {}): Promise<ScanPageResult> {
  const run = await db.historyImport.findUniqueOrThrow({ where: { id: importId } });
  if (run.status !== "scanning") return { done: true, found: 0 };
  if (!source.listHistory) throw new ConnectorError("not_supported", "This shop cannot list its past documents.", false);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waited = 0;
  /**
   * A read the shop refuses for its rate limit is waited out and repeated in place: failing the
   * step instead would read the whole page again on retry, and a page needing more reads than the
   * limit allows per minute (CCV: 150, two per order) would then never get through.
   */
  const paced = async <T>(read: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await read();
      } catch (err) {
        const retryAfterMs = err instanceof ConnectorError && err.code === "rate_limited" ? err.detail?.retryAfterMs ?? 1000 : null;
        if (retryAfterMs === null || waited + retryAfterMs > RATE_LIMIT_BUDGET_MS) throw err;
        waited += retryAfterMs;
        await sleep(retryAfterMs);
      }
    }
  };
  const listHistory = source.listHistory.bind(source);
  const page = await paced(() => listHistory({ from: run.fromDate, to: run.toDate, cursor: run.scanCursor }));

  const booked = await db.document.findMany({
    where: { integrationId: run.integrationId, status: "booked", OR: page.notices.map((n) => ({ kind: n.kind, sourceId: n.sourceId })) },
    select: { id: true, kind: true, sourceId: true },
  });
  const bookedIds = new Map(booked.map((d) => [`${d.kind}:${d.sourceId}`, d.id]));

  const listed = new Map((page.documents ?? []).map((d) => [`${d.kind}:${d.sourceId}`, d]));
  const items = [];
  let seq = run.scanned;
  for (const notice of page.notices) {
    const item = { importId, kind: notice.kind, sourceId: notice.sourceId, seq: seq++, state: "pending" as string, documentId: null as string | null, alreadyBooked: false,
      number: null as string | null, documentDate: null as Date | null, currency: null as string | null, totalInclVat: null as string | null, totalExclVat: null as string | null, notEligible: null as string | null };
    const bookedId = bookedIds.get(`${notice.kind}:${notice.sourceId}`);
    if (bookedId) Object.assign(item, { alreadyBooked: true, state: "skipped", documentId: bookedId });
    try {
      // Read from the list itself where the shop's list gives whole documents, else fetched one by one.
      const raw = listed.get(`${notice.kind}:${notice.sourceId}`) ?? (await paced(() => source.fetchDocument(notice.kind, notice.sourceId)));
      item.number = raw.number ?? null;
      const eligibility = source.eligibility(raw);
      if (!eligibility.eligible) item.notEligible = eligibility.reason;
      const doc = source.normalize(raw);
      Object.assign(item, { number: doc.source.number ?? item.number, documentDate: new Date(`${doc.date.slice(0, 10)}T12:00:00Z`), currency: doc.currency, totalInclVat: doc.totals.incl, totalExclVat: doc.totals.excl });
    } catch (err) {
      // A document that cannot be read or normalized now is shown as not bookable; a retryable failure retries the whole page.
      if (err instanceof ConnectorError && err.retryable) throw err;
      item.notEligible ??= (err as Error).message;
    }
    if (item.notEligible && item.state === "pending") item.state = "skipped";
    items.push(item);
  }
  await db.$transaction([
    db.historyImportItem.createMany({ data: items, skipDuplicates: true }),
    db.historyImport.update({
      where: { id: importId },
      data: { scanCursor: page.cursor, scanned: { increment: items.length }, ...(page.more ? {} : { status: "ready" }) },
    }),
  ]);
  return { done: !page.more, found: items.length };
}
