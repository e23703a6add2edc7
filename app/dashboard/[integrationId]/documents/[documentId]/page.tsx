import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { externalCallsFor, findDocument } from "@/lib/dashboard/documents";
import { db } from "@/lib/db/client";
import { DocumentActions } from "../../document-actions";

/** "More info": why a document is where it is, and every exchange with the shop and the accounting system. */
export default async function DocumentPage({ params }: { params: Promise<{ integrationId: string; documentId: string }> }) {
  const { integrationId, documentId } = await params;
  const { accountId } = await requireAccount();
  const document = await findDocument(db(), accountId, integrationId, documentId);
  if (!document) notFound();
  const calls = await externalCallsFor(db(), accountId, documentId);
  return (
    <section aria-label="More info" className="space-y-4">
      <Link href={`/dashboard/${integrationId}/errors`} className="text-sm text-blue-700 hover:underline">← Back</Link>
      <h2 className="text-lg font-semibold">{document.kind} {document.sourceNumber ?? document.sourceId}</h2>
      <p className="text-sm">Status: <strong>{document.status}</strong>{document.targetNumber || document.targetRef ? ` · booked as ${document.targetNumber ?? document.targetRef}` : ""} · attempts {document.attempts}</p>
      {document.errorDetail && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-mono text-xs text-amber-800">{document.errorCode}</p>
          <p data-testid="error-detail">{document.errorDetail}</p>
        </div>
      )}
      {document.status !== "booked" && <DocumentActions integrationId={integrationId} documentId={documentId} canReport={document.status === "error"} />}
      <h3 className="font-semibold">Exchanges</h3>
      {calls.length === 0 ? <p className="text-sm text-slate-600">No calls recorded yet.</p> : (
        <ol className="space-y-2 text-xs">
          {calls.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 bg-white p-2">
              <details>
                <summary className="cursor-pointer font-mono">{c.at.toISOString()} {c.system} {c.method} {c.url} → {c.status ?? c.error} ({c.durationMs} ms)</summary>
                {c.requestBody && <pre className="mt-2 overflow-x-auto whitespace-pre-wrap bg-slate-50 p-2">{c.requestBody}</pre>}
                {c.responseBody && <pre className="mt-2 overflow-x-auto whitespace-pre-wrap bg-slate-50 p-2">{c.responseBody}</pre>}
              </details>
            </li>
          ))}
        </ol>
      )}
      <details className="text-xs"><summary className="cursor-pointer">Document as received from the webshop</summary><pre className="mt-2 overflow-x-auto bg-slate-50 p-2">{JSON.stringify(document.rawPayload, null, 2)}</pre></details>
    </section>
  );
}
