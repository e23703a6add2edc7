-- Payments check (CCV Shop, six times a day): where a walk of the shop's list stopped, and when it last ran.
ALTER TABLE "Integration" ADD COLUMN "paymentsCursor" TEXT;
ALTER TABLE "Integration" ADD COLUMN "paymentsCheckedAt" TIMESTAMP(3);
