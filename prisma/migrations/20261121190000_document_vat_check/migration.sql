-- The VIES answer that an ICP document was booked on (date, request identifier): proof for the tax office.
ALTER TABLE "Document" ADD COLUMN "vatCheck" JSONB;
