-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'owner',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "licenseKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "targetSystem" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'installing',
    "trialEndsAt" TIMESTAMP(3),
    "termsAcceptedAt" TIMESTAMP(3),
    "syncCursor" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "baseUrl" TEXT,
    "credentialsEnc" TEXT,
    "status" TEXT NOT NULL DEFAULT 'unknown',
    "statusDetail" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationSetting" (
    "integrationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationSetting_pkey" PRIMARY KEY ("integrationId","key")
);

-- CreateTable
CREATE TABLE "VatMapping" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "rate" DECIMAL(5,2) NOT NULL,
    "vatCode" TEXT NOT NULL,
    "revenueAccount" TEXT,

    CONSTRAINT "VatMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentMethodMapping" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "fixedDebtor" TEXT,
    "ledgerAccount" TEXT,
    "bookPayments" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "PaymentMethodMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceNumber" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "rawPayload" JSONB NOT NULL,
    "normalized" JSONB,
    "currency" TEXT,
    "totalInclVat" DECIMAL(14,2),
    "totalExclVat" DECIMAL(14,2),
    "documentDate" TIMESTAMP(3),
    "customerName" TEXT,
    "targetRef" TEXT,
    "targetNumber" TEXT,
    "errorCode" TEXT,
    "errorDetail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bookedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "documentId" TEXT,
    "sourceId" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "method" TEXT,
    "paidAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'queued',
    "rawPayload" JSONB,
    "targetRef" TEXT,
    "errorCode" TEXT,
    "errorDetail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebtorLink" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebtorLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductLink" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "sourceCode" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "integrationId" TEXT,
    "documentId" TEXT,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalCall" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT,
    "documentId" TEXT,
    "system" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "requestBody" TEXT,
    "status" INTEGER,
    "responseBody" TEXT,
    "durationMs" INTEGER,
    "error" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecApp" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExecApp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecFunction" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExecFunction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecEvent" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "user" JSONB,
    "ts" BIGINT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecRun" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "concurrencyKey" TEXT,
    "idempotencyKey" TEXT,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "output" JSONB,
    "error" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ExecRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecStep" (
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "name" TEXT,
    "op" TEXT NOT NULL,
    "seq" INTEGER,
    "opts" JSONB,
    "data" JSONB,
    "error" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "wakeAt" TIMESTAMP(3),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecStep_pkey" PRIMARY KEY ("runId","stepId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_accountId_idx" ON "User"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_licenseKey_key" ON "Integration"("licenseKey");

-- CreateIndex
CREATE INDEX "Integration_accountId_idx" ON "Integration"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Connection_integrationId_side_key" ON "Connection"("integrationId", "side");

-- CreateIndex
CREATE UNIQUE INDEX "VatMapping_integrationId_region_rate_key" ON "VatMapping"("integrationId", "region", "rate");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentMethodMapping_integrationId_method_key" ON "PaymentMethodMapping"("integrationId", "method");

-- CreateIndex
CREATE INDEX "Document_integrationId_status_idx" ON "Document"("integrationId", "status");

-- CreateIndex
CREATE INDEX "Document_integrationId_bookedAt_idx" ON "Document"("integrationId", "bookedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Document_integrationId_kind_sourceId_key" ON "Document"("integrationId", "kind", "sourceId");

-- CreateIndex
CREATE INDEX "Payment_integrationId_status_idx" ON "Payment"("integrationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_integrationId_sourceId_key" ON "Payment"("integrationId", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "DebtorLink_integrationId_sourceKey_key" ON "DebtorLink"("integrationId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProductLink_integrationId_sourceCode_key" ON "ProductLink"("integrationId", "sourceCode");

-- CreateIndex
CREATE INDEX "Ticket_accountId_idx" ON "Ticket"("accountId");

-- CreateIndex
CREATE INDEX "ExternalCall_integrationId_at_idx" ON "ExternalCall"("integrationId", "at");

-- CreateIndex
CREATE INDEX "ExternalCall_documentId_idx" ON "ExternalCall"("documentId");

-- CreateIndex
CREATE INDEX "ExecEvent_externalId_idx" ON "ExecEvent"("externalId");

-- CreateIndex
CREATE INDEX "ExecEvent_receivedAt_idx" ON "ExecEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "ExecRun_status_runAt_idx" ON "ExecRun"("status", "runAt");

-- CreateIndex
CREATE INDEX "ExecRun_functionId_idempotencyKey_idx" ON "ExecRun"("functionId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ExecRun_createdAt_idx" ON "ExecRun"("createdAt");

-- CreateIndex
CREATE INDEX "ExecStep_op_name_idx" ON "ExecStep"("op", "name");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationSetting" ADD CONSTRAINT "IntegrationSetting_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VatMapping" ADD CONSTRAINT "VatMapping_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentMethodMapping" ADD CONSTRAINT "PaymentMethodMapping_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebtorLink" ADD CONSTRAINT "DebtorLink_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductLink" ADD CONSTRAINT "ProductLink_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCall" ADD CONSTRAINT "ExternalCall_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecFunction" ADD CONSTRAINT "ExecFunction_appId_fkey" FOREIGN KEY ("appId") REFERENCES "ExecApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecStep" ADD CONSTRAINT "ExecStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ExecRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

