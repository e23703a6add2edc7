import Link from "next/link";
import type { listPayments } from "@/lib/dashboard/payments";
import { formatDate, formatDateTime, formatMoney, type Locale } from "@/lib/i18n/locale";
import { labelOf } from "@/lib/i18n/messages/common";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { errorHeadline } from "@/lib/i18n/messages/error-headlines";
import { translator } from "@/lib/i18n/translate";
import { focusRing, tableScroll } from "@/components/ui-classes";
import { PaymentActions } from "./payment-actions";

type Row = Awaited<ReturnType<typeof listPayments>>[number];

const statusStyle: Record<string, string> = {
  booked: "bg-green-100 text-green-900",
  waiting: "bg-amber-100 text-amber-900",
  queued: "bg-slate-100 text-slate-800",
  error: "bg-red-100 text-red-900",
};

/** Payments with their document, amount, status, attempts, target reference and reason. */
export function PaymentsTable({ integrationId, payments, label, locale = "en" }: { integrationId: string; payments: Row[]; label: string; locale?: Locale }) {
  const t = translator(dashboardMessages, locale);
  return (
    <div className={tableScroll}>
      <table className="w-full min-w-[48rem] text-left text-sm" aria-label={label}>
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-4">{t("payment")}</th>
            <th className="pr-4">{t("document")}</th>
            <th className="text-right">{t("amount")}</th>
            <th className="pl-4">{t("status")}</th>
            <th className="text-right">{t("attempts")}</th>
            <th className="pl-4">{t("bookedAsOrReason")}</th>
            <th><span className="sr-only">{t("actions")}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {payments.map((p) => {
            const headline = p.status === "booked" ? undefined : errorHeadline(locale, p.errorCode);
            return (
              <tr key={p.id} data-testid="payment-row" className="align-top">
                <td className="py-2 pr-4">
                  <span className="font-mono">{p.sourceId}</span>
                  <span className="block text-xs text-slate-500">{[p.method, p.paidAt && formatDate(locale, p.paidAt)].filter(Boolean).join(" · ")}</span>
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {p.document ? (
                    <Link href={`/dashboard/${integrationId}/documents/${p.document.id}`} className={`rounded hover:underline ${focusRing}`}>
                      {labelOf(locale, "kind", p.document.kind)} {p.document.sourceNumber ?? p.document.sourceId}
                    </Link>
                  ) : "—"}
                </td>
                <td className="py-2 text-right font-mono whitespace-nowrap">{formatMoney(locale, p.amount, p.currency)}</td>
                <td className="py-2 pl-4"><span className={`rounded px-2 py-0.5 text-xs ${statusStyle[p.status] ?? ""}`}>{labelOf(locale, "payment", p.status)}</span></td>
                <td className="py-2 text-right">{p.attempts}</td>
                <td className="py-2 pl-4">
                  {p.status === "booked" ? <span className="rounded bg-purple-100 px-2 py-0.5 font-mono text-purple-900">{p.targetRef}</span> : (
                    <>
                      {headline && <strong className="block font-medium text-red-800">{headline}</strong>}
                      {p.errorCode && <span className="font-mono text-xs text-slate-500">{p.errorCode} </span>}
                      {p.errorDetail}
                      {p.status === "waiting" && p.nextAttemptAt && <span className="block text-xs text-slate-500">{t("nextTry", { moment: formatDateTime(locale, p.nextAttemptAt) })}</span>}
                    </>
                  )}
                </td>
                <td className="py-2 pl-2 whitespace-nowrap text-right">
                  {p.status === "error" || p.status === "waiting" ? <PaymentActions integrationId={integrationId} paymentId={p.id} labels={{ process: t("process"), queued: t("queuedAgain") }} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
