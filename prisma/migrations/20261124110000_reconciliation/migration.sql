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
-- A period's documents of some statuses (not booked; booked, for the check against the target).
CREATE INDEX "Document_integrationId_status_documentDate_idx" ON "Document"("integrationId", "status", "documentDate");
CREATE INDEX "Document_integrationId_receivedAt_idx" ON "Document"("integrationId", "receivedAt");
-- The Errors, Open and Payments lists read from the indexes of migration 20261124100000_lists.

-- Running totals per integration, document day and status, kept by a trigger on "Document", so the
-- reconciliation and overview pages sum a few hundred rows instead of parsing every document's
-- lines (200,000 documents must answer in well under 300 ms). Every write to a document (Prisma,
-- createMany or raw SQL) takes its old contribution out and puts its new one in, in one step.
CREATE TABLE "DocumentDayStatus" (
    "integrationId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "incl" DECIMAL(16,2) NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentDayStatus_pkey" PRIMARY KEY ("integrationId", "day", "status")
);
CREATE TABLE "DocumentDayVat" (
    "integrationId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "rate" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "excl" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "vat" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "incl" DECIMAL(16,2) NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentDayVat_pkey" PRIMARY KEY ("integrationId", "day", "status", "rate", "country")
);
ALTER TABLE "DocumentDayStatus" ADD CONSTRAINT "DocumentDayStatus_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DocumentDayVat" ADD CONSTRAINT "DocumentDayVat_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A document's amounts per VAT rate and VAT country: from its normalized lines (country = delivery,
-- else billing, else the shop's), or, not normalized yet, its stored totals under rate and country ''.
-- Anything that is not a decimal counts as 0 instead of failing the document's write.
CREATE FUNCTION "recon_num"(value TEXT) RETURNS NUMERIC LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~ '^-?[0-9]+(\.[0-9]+)?$' THEN value::numeric ELSE 0 END
$$;
CREATE FUNCTION "recon_breakdown"(normalized JSONB, excl NUMERIC, incl NUMERIC)
RETURNS TABLE(rate TEXT, country TEXT, excl NUMERIC, vat NUMERIC, incl NUMERIC) LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN l->>'vatRate' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN trim_scale((l->>'vatRate')::numeric)::text ELSE '' END,
         COALESCE(normalized->>'deliveryCountry', normalized->'customer'->'billing'->>'country', normalized->>'shopCountry', ''),
         SUM("recon_num"(l->>'totalExcl')), SUM("recon_num"(l->>'vatAmount')), SUM("recon_num"(l->>'totalIncl'))
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(normalized->'lines') = 'array' THEN normalized->'lines' ELSE '[]'::jsonb END) AS l
  GROUP BY 1, 2
  UNION ALL
  SELECT '', '', COALESCE(excl, 0), COALESCE(incl, 0) - COALESCE(excl, 0), COALESCE(incl, 0)
  WHERE normalized IS NULL OR jsonb_typeof(normalized->'lines') IS DISTINCT FROM 'array'
$$;

CREATE FUNCTION "recon_apply"(doc "Document", sign INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF doc."documentDate" IS NULL THEN RETURN; END IF;
  INSERT INTO "DocumentDayStatus" AS t ("integrationId", "day", "status", "count", "incl")
  VALUES (doc."integrationId", doc."documentDate", doc."status", sign, sign * COALESCE(doc."totalInclVat", 0))
  ON CONFLICT ("integrationId", "day", "status") DO UPDATE SET "count" = t."count" + EXCLUDED."count", "incl" = t."incl" + EXCLUDED."incl";
  INSERT INTO "DocumentDayVat" AS t ("integrationId", "day", "status", "rate", "country", "excl", "vat", "incl")
  SELECT doc."integrationId", doc."documentDate", doc."status", b.rate, b.country, sign * b.excl, sign * b.vat, sign * b.incl
  FROM "recon_breakdown"(doc."normalized", doc."totalExclVat", doc."totalInclVat") AS b
  ON CONFLICT ("integrationId", "day", "status", "rate", "country")
  DO UPDATE SET "excl" = t."excl" + EXCLUDED."excl", "vat" = t."vat" + EXCLUDED."vat", "incl" = t."incl" + EXCLUDED."incl";
END $$;

CREATE FUNCTION "recon_document_totals"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."status" IS NOT DISTINCT FROM NEW."status" AND OLD."documentDate" IS NOT DISTINCT FROM NEW."documentDate"
     AND OLD."totalInclVat" IS NOT DISTINCT FROM NEW."totalInclVat" AND OLD."totalExclVat" IS NOT DISTINCT FROM NEW."totalExclVat"
     AND OLD."normalized" IS NOT DISTINCT FROM NEW."normalized" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "recon_apply"(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM "recon_apply"(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Document_recon_totals" AFTER INSERT OR DELETE OR UPDATE ON "Document"
  FOR EACH ROW EXECUTE FUNCTION "recon_document_totals"();

-- The documents that exist already, set-based (scripts/bench-dashboard.ts runs the same two statements).
INSERT INTO "DocumentDayStatus" ("integrationId", "day", "status", "count", "incl")
SELECT d."integrationId", d."documentDate", d."status", COUNT(*), COALESCE(SUM(d."totalInclVat"), 0)
FROM "Document" d WHERE d."documentDate" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "DocumentDayVat" ("integrationId", "day", "status", "rate", "country", "excl", "vat", "incl")
SELECT d."integrationId", d."documentDate", d."status", b.rate, b.country, SUM(b.excl), SUM(b.vat), SUM(b.incl)
FROM "Document" d CROSS JOIN LATERAL "recon_breakdown"(d."normalized", d."totalExclVat", d."totalInclVat") AS b
WHERE d."documentDate" IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
