import { NextResponse } from "next/server";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { systemNames, type SystemId } from "@/connectors/types";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { reconciliationMessages } from "@/lib/i18n/messages/reconciliation";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { buildReconciliationReport } from "@/lib/reconciliation/build-report";
import { dayOf, lastDayOf, periodFromQuery } from "@/lib/reconciliation/period";
import { reconciliationCsv } from "@/lib/reconciliation/report-csv";
import { reconciliationPdf } from "@/lib/reconciliation/report-pdf";

type Ctx = { params: Promise<{ integrationId: string }> };

/** GET ?month=YYYY-MM (or from/to) &format=csv|pdf: the period's reconciliation as a download. */
export const GET = withAccount<Ctx>(async (req, { accountId }, { params }) => {
  const { integrationId } = await params;
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) return notFoundJson();
  const url = new URL(req.url);
  const format = url.searchParams.get("format") ?? "csv";
  const locale = await requestLocale();
  const t = translator(reconciliationMessages, locale);
  if (format !== "csv" && format !== "pdf") return NextResponse.json({ error: "invalid_format", message: "format must be csv or pdf" }, { status: 400 });
  const q = (k: string) => url.searchParams.get(k) ?? undefined;
  const period = periodFromQuery({ month: q("month"), from: q("from"), to: q("to") });
  const report = await buildReconciliationReport(db(), integrationId, period);
  const target = systemNames[integration.targetSystem as SystemId] ?? integration.targetSystem;
  const name = `reconciliation-${integration.licenseKey}-${period.month ?? `${dayOf(period.from)}_${lastDayOf(period)}`}`;
  if (format === "csv") {
    return new Response(reconciliationCsv(report, t, target), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
    });
  }
  const pdf = await reconciliationPdf(report, { t, locale, target, integrationName: integration.name });
  return new Response(Buffer.from(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"` } });
});
