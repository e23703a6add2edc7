-- Beyond peers: errors grouped by cause (their parameters) and an audit trail per document.
ALTER TABLE "Document" ADD COLUMN "errorParams" JSONB;

CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "documentId" TEXT,
    "actor" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "detail" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditEvent_documentId_at_idx" ON "AuditEvent"("documentId", "at");
CREATE INDEX "AuditEvent_integrationId_at_idx" ON "AuditEvent"("integrationId", "at");
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
