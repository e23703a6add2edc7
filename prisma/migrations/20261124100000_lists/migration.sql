-- Dashboard lists: each tab reads one status of one integration newest first, a page at a time
-- (keyset on the list's date), so the index carries integration, status and that date.
CREATE INDEX "Document_integrationId_status_receivedAt_idx" ON "Document"("integrationId", "status", "receivedAt");
CREATE INDEX "Document_integrationId_status_bookedAt_idx" ON "Document"("integrationId", "status", "bookedAt");
CREATE INDEX "Payment_integrationId_createdAt_idx" ON "Payment"("integrationId", "createdAt");
