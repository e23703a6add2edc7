-- History import: a scanned date range of a shop's past documents, booked through the ordinary pipeline.
CREATE TABLE "HistoryImport" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "scanCursor" TEXT,
    "scanned" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "HistoryImport_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "HistoryImport_integrationId_createdAt_idx" ON "HistoryImport"("integrationId", "createdAt");
ALTER TABLE "HistoryImport" ADD CONSTRAINT "HistoryImport_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "HistoryImportItem" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "number" TEXT,
    "documentDate" TIMESTAMP(3),
    "currency" TEXT,
    "totalInclVat" DECIMAL(14,2),
    "totalExclVat" DECIMAL(14,2),
    "notEligible" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "documentId" TEXT,
    "alreadyBooked" BOOLEAN NOT NULL DEFAULT false,
    "seq" INTEGER NOT NULL,

    CONSTRAINT "HistoryImportItem_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "HistoryImportItem_importId_kind_sourceId_key" ON "HistoryImportItem"("importId", "kind", "sourceId");
CREATE INDEX "HistoryImportItem_importId_state_seq_idx" ON "HistoryImportItem"("importId", "state", "seq");
CREATE INDEX "HistoryImportItem_documentId_idx" ON "HistoryImportItem"("documentId");
ALTER TABLE "HistoryImportItem" ADD CONSTRAINT "HistoryImportItem_importId_fkey" FOREIGN KEY ("importId") REFERENCES "HistoryImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
