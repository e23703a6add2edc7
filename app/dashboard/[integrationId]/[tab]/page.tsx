import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration, listDocuments, type DocumentTab } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { StatusDot } from "@/components/status-dot";

const emptyText: Record<DocumentTab, string> = {
  report: "Nothing booked yet.",
  errors: "No errors. Everything that arrived could be booked.",
  open: "No open documents: nothing is waiting for an eligible shop status.",
};

export default async function TabPage({ params }: { params: Promise<{ integrationId: string; tab: string }> }) {
  const { integrationId, tab } = await params;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();

  if (tab === "configuration") {
    return (
      <section aria-label="Connections">
        <h2 className="text-lg font-semibold">Connections</h2>
        <ul className="mt-3 space-y-2">
          {integration.connections.map((c) => (
            <li key={c.side} className="flex items-center gap-3 text-sm">
              <StatusDot status={c.status} label={c.side === "source" ? "Webshop" : "Accounting"} />
              <span className="text-slate-600">{c.statusDetail ?? (c.lastCheckedAt ? `checked ${c.lastCheckedAt.toISOString()}` : "not checked yet")}</span>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (tab !== "report" && tab !== "errors" && tab !== "open") notFound();

  const documents = await listDocuments(db(), accountId, integrationId, tab);
  if (documents.length === 0) return <p className="text-slate-600">{emptyText[tab]}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-slate-500">
        <tr>
          <th className="py-2">Document</th>
          <th>Customer</th>
          <th className="text-right">Total</th>
          <th>{tab === "report" ? "Booked as" : tab === "errors" ? "Reason" : "Waiting since"}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {documents.map((d) => (
          <tr key={d.id}>
            <td className="py-2">{d.kind} {d.sourceNumber ?? d.sourceId}</td>
            <td>{d.customerName}</td>
            <td className="text-right font-mono">{d.totalInclVat ? `${d.currency ?? ""} ${d.totalInclVat.toFixed(2)}` : ""}</td>
            <td>
              {tab === "report" && (d.targetNumber ?? d.targetRef)}
              {tab === "errors" && <><span className="font-mono">{d.errorCode}</span> {d.errorDetail}</>}
              {tab === "open" && d.receivedAt.toISOString().slice(0, 10)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
