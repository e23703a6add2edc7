-- Half-finished app install handshakes (Magento activation, App Store installs), sealed.
CREATE TABLE "PendingInstall" (
    "id" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "shopKey" TEXT NOT NULL,
    "integrationId" TEXT,
    "payloadEnc" TEXT NOT NULL,
    "fingerprint" TEXT,
    "completedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingInstall_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PendingInstall_fingerprint_key" ON "PendingInstall"("fingerprint");
CREATE UNIQUE INDEX "PendingInstall_system_shopKey_key" ON "PendingInstall"("system", "shopKey");
CREATE INDEX "PendingInstall_expiresAt_idx" ON "PendingInstall"("expiresAt");
