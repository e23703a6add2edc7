import { NextResponse } from "next/server";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findIntegration } from "@/lib/dashboard/integrations";
import { exportLists, listCsv, type ExportList } from "@/lib/dashboard/list-exports";
import { isValidPeriod, periodFrom } from "@/lib/dashboard/period";
import { db } from "@/lib/db/client";
import { listsMessages } from "@/lib/i18n/messages/lists";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

type Ctx = { params: Promise<{ integrationId: string; list: string }> };

/** "Download CSV" on the Report, Errors, Open and Payments tabs, honouring the period filter. */
export const GET = withAccount<Ctx>(async (req, { accountId }, { params }) => {
  const { integrationId, list } = await params;
  const locale = await requestLocale();
  const t = translator(listsMessages, locale);
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) return notFoundJson();
  if (!(exportLists as readonly string[]).includes(list)) return NextResponse.json({ error: "unknown_list", message: t("badList") }, { status: 404 });
  const search = new URL(req.url).searchParams;
  const range = { from: search.get("from"), to: search.get("to") };
  if (!isValidPeriod(range)) return NextResponse.json({ error: "invalid_period", message: t("badPeriod") }, { status: 400 });

  const chunks = listCsv(db(), accountId, integrationId, list as ExportList, periodFrom(range), locale);
  const encoder = new TextEncoder();
  // Pulled one batch at a time as the browser reads: a big export never sits in memory at once.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() { await chunks.return(undefined); },
  });
  const suffix = [range.from, range.to].filter(Boolean).join("_");
  const name = `${integration.licenseKey}-${list}${suffix ? `-${suffix}` : ""}.csv`.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
