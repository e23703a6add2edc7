import Link from "next/link";
import type { listPayments } from "@/lib/dashboard/payments";
import { PaymentActions } from "./payment-actions";

type Row = Awaited<ReturnType<typeof listPayments>>[number];

const statusStyle: Record<string, string> = {
  booked: "bg-green-100 text-green-900",
  waiting: "bg-amber-100 text-amber-900",
  queued: "bg-slate-100 text-slate-800",
  error: "bg-red-100 text-red-900",
};

/** Payments with their document, amount, status, attempts, target reference and reason. */
export function PaymentsTable({ integrationId, payments, label }: { integrationId: string; payments: Row[]; label: string }) {
  return (
    <table className="w-full text-left text-sm" aria-label={label}>
      <thead className="text-slate-500">
        <tr>
          <th className="py-2">Payment</th>
          <th>Document</th>
          <th className="text-right">Amount</th>
          <th className="pl-4">Status</th>
          <th className="text-right">Attempts</th>
          <th className="pl-4">Booked as / reason</th>
          <th />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {payments.map((p) => (
          <tr key={p.id} data-testid="payment-row">
            <td className="py-2">
              <span className="font-mono">{p.sourceId}</span>
              <span className="block text-xs text-slate-500">{[p.method, p.paidAt?.toISOString().slice(0, 10)].filter(Boolean).join(" · ")}</span>
            </td>
            <td>
              {p.document ? (
                <Link href={`/dashboard/${integrationId}/documents/${p.document.id}`} className="hover:underline">{p.document.kind} {p.document.sourceNumber ?? p.document.sourceId}</Link>
              ) : "—"}
            </td>
            <td className="text-right font-mono">{p.currency} {p.amount.toFixed(2)}</td>
            <td className="pl-4"><span className={`rounded px-2 py-0.5 text-xs ${statusStyle[p.status] ?? ""}`}>{p.status}</span></td>
            <td className="text-right">{p.attempts}</td>
            <td className="pl-4">
              {p.status === "booked" ? <span className="rounded bg-purple-100 px-2 py-0.5 font-mono text-purple-900">{p.targetRef}</span> : (
                <>
                  {p.errorCode && <span className="font-mono text-xs text-slate-500">{p.errorCode} </span>}
                  {p.errorDetail}
                  {p.status === "waiting" && p.nextAttemptAt && <span className="block text-xs text-slate-500">next try {p.nextAttemptAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span>}
                </>
              )}
            </td>
            <td className="whitespace-nowrap text-right">{p.status === "error" || p.status === "waiting" ? <PaymentActions integrationId={integrationId} paymentId={p.id} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
