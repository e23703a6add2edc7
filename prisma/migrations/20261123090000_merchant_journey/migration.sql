-- The merchant's journey: language and notification address, trial/subscription state, cancel,
-- tickets with replies, kept mails and subscription invoices.
ALTER TABLE "Account" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN "country" TEXT,
ADD COLUMN "notificationEmail" TEXT;

ALTER TABLE "Integration" ADD COLUMN "paidUntil" TIMESTAMP(3),
ADD COLUMN "termsVersion" TEXT,
ADD COLUMN "renewalReminderFor" TIMESTAMP(3),
ADD COLUMN "pausedAt" TIMESTAMP(3),
ADD COLUMN "cancelledAt" TIMESTAMP(3),
ADD COLUMN "hiddenAt" TIMESTAMP(3);

ALTER TABLE "Ticket" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'question',
ADD COLUMN "userId" TEXT,
ADD COLUMN "context" JSONB,
ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "Ticket_status_updatedAt_idx" ON "Ticket"("status", "updatedAt");

CREATE TABLE "TicketMessage" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "userId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketMessage_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "TicketMessage_ticketId_createdAt_idx" ON "TicketMessage"("ticketId", "createdAt");
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Mail" (
    "id" TEXT NOT NULL,
    "accountId" TEXT,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mail_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Mail_to_createdAt_idx" ON "Mail"("to", "createdAt");
CREATE INDEX "Mail_accountId_createdAt_idx" ON "Mail"("accountId", "createdAt");
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "SubscriptionInvoice" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "amountExclVat" DECIMAL(14,2) NOT NULL,
    "vatRate" DECIMAL(5,2) NOT NULL,
    "vatAmount" DECIMAL(14,2) NOT NULL,
    "amountInclVat" DECIMAL(14,2) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "paymentRef" TEXT,
    "checkoutUrl" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionInvoice_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SubscriptionInvoice_number_key" ON "SubscriptionInvoice"("number");
CREATE UNIQUE INDEX "SubscriptionInvoice_paymentRef_key" ON "SubscriptionInvoice"("paymentRef");
CREATE INDEX "SubscriptionInvoice_accountId_createdAt_idx" ON "SubscriptionInvoice"("accountId", "createdAt");
CREATE INDEX "SubscriptionInvoice_integrationId_status_idx" ON "SubscriptionInvoice"("integrationId", "status");
ALTER TABLE "SubscriptionInvoice" ADD CONSTRAINT "SubscriptionInvoice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SubscriptionInvoice" ADD CONSTRAINT "SubscriptionInvoice_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
