-- Document page: a booked document that changed in the shop keeps the differences (field, booked, shop) and when they were found.
ALTER TABLE "Document" ADD COLUMN "shopChanges" JSONB;
ALTER TABLE "Document" ADD COLUMN "shopChangedAt" TIMESTAMP(3);
CREATE INDEX "Document_integrationId_shopChangedAt_idx" ON "Document"("integrationId", "shopChangedAt");
