import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration, listDocuments, type DocumentTab, type Period } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { DocumentActions } from "../document-actions";
import { PaymentsTable } from "../payments-table";
import { ConfigurationTab } from "../configuration-tab";
import { listPayments } from "@/lib/dashboard/payments";

const emptyText: Record<DocumentTab, string> = {
  report: "Nothing booked in this period.",
  errors: "No errors. Everything that arrived could be booked.",
  open: "No open documents: nothing is waiting for an eligible shop status.",
};

const day = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined);

function periodFrom(search: Record<string, string | undefined>): Period {
  const to = day(search.to);
  return { from: day(search.from), to: to && new Date(to.getTime() + 86_400_000) };
}

export default async function TabPage({ params, searchParams }: {
  params: Promise<{ integrationId: string; tab: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { integrationId, tab } = await params;
  const search = await searchParams;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();

  if (tab === "configuration") return <ConfigurationTab integration={integration} />;
  if (tab === "payments") {
    const payments = await listPayments(db(), accountId, integrationId);
    return payments.length === 0
      ? <p className="text-slate-600">No payments yet. Payments are booked against their invoice once it is booked (when payments are switched on for this integration).</p>
      : <PaymentsTable integrationId={integrationId} payments={payments} label="payments" />;
  }
  if (tab !== "report" && tab !== "errors" && tab !== "open") notFound();

  const documents = await listDocuments(db(), accountId, integrationId, tab, periodFrom(search));
  // Payments that could not be booked belong on Errors too, with their reason and Process.
  const failedPayments = tab === "errors" ? await listPayments(db(), accountId, integrationId, { statuses: ["error"] }) : [];
  return (
    <>
      <form className="mb-4 flex items-end gap-3 text-sm" aria-label="Search by period">
        <label>From <input type="date" name="from" defaultValue={search.from} className="ml-1 rounded border border-slate-300 px-2 py-1" /></label>
        <label>To <input type="date" name="to" defaultValue={search.to} className="ml-1 rounded border border-slate-300 px-2 py-1" /></label>
        <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">Search</button>
      </form>
      {documents.length === 0 ? <p className="text-slate-600">{emptyText[tab]}</p> : (
        <table className="w-full text-left text-sm" aria-label={`${tab} documents`}>
          <thead className="text-slate-500">
            <tr>
              <th className="py-2">Document</th>
              <th>Customer</th>
              <th className="text-right">Total</th>
              <th className="pl-4">{tab === "report" ? "Booked as" : tab === "errors" ? "Reason" : "Waiting for"}</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {documents.map((d) => (
              <tr key={d.id} data-testid="document-row">
                <td className="py-2">
                  <Link href={`/dashboard/${integrationId}/documents/${d.id}`} className="hover:underline">{d.kind} {d.sourceNumber ?? d.sourceId}</Link>
                </td>
                <td>{d.customerName}</td>
                <td className="text-right font-mono">{d.totalInclVat ? `${d.currency ?? ""} ${d.totalInclVat.toFixed(2)}` : ""}</td>
                <td className="pl-4">
                  {tab === "report" && <span className="rounded bg-purple-100 px-2 py-0.5 font-mono text-purple-900">{d.targetNumber ?? d.targetRef}</span>}
                  {tab !== "report" && <>{tab === "errors" && <span className="font-mono text-xs text-slate-500">{d.errorCode} </span>}{d.errorDetail}</>}
                </td>
                <td className="whitespace-nowrap text-right">
                  {tab !== "report" && (
                    <>
                      <Link href={`/dashboard/${integrationId}/documents/${d.id}`} className="mr-2 rounded bg-amber-400 px-2 py-1 text-xs font-medium text-slate-900 hover:bg-amber-300">More info</Link>
                      <DocumentActions integrationId={integrationId} documentId={d.id} canReport={tab === "errors"} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failedPayments.length > 0 && (
        <section className="mt-8" aria-label="Payments with errors">
          <h2 className="mb-2 text-lg font-semibold">Payments</h2>
          <PaymentsTable integrationId={integrationId} payments={failedPayments} label="payment errors" />
        </section>
      )}
    </>
  );
}
