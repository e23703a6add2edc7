import type { ExportList } from "@/lib/dashboard/list-exports";
import { focusRing } from "@/components/ui-classes";

/** "Download CSV" of one list, for the period the tab shows. */
export function CsvLink({ integrationId, list, period, label }: { integrationId: string; list: ExportList; period: Record<string, string>; label: string }) {
  const query = new URLSearchParams(period).toString();
  return (
    <a href={`/api/integrations/${integrationId}/exports/${list}${query ? `?${query}` : ""}`} download
      className={`rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 ${focusRing}`}>
      {label}
    </a>
  );
}
