-- Reconciliation: the last check of a period against the accounting system, and the indexes that
-- let the reconciliation and overview pages aggregate a period from SQL.
CREATE TABLE "ReconciliationCheck" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "periodFrom" TIMESTAMP(3) NOT NULL,
    "periodTo" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'done',
    "error" TEXT,
    "findings" JSONB,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationCheck_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReconciliationCheck_integrationId_periodFrom_periodTo_key" ON "ReconciliationCheck"("integrationId", "periodFrom", "periodTo");
ALTER TABLE "ReconciliationCheck" ADD CONSTRAINT "ReconciliationCheck_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "Document_integrationId_documentDate_idx" ON "Document"("integrationId", "documentDate");
CREATE INDEX "Document_integrationId_receivedAt_idx" ON "Document"("integrationId", "receivedAt");
