import Link from "next/link";
import { systemNames, type SystemId } from "@/connectors/types";
import { requireAccount } from "@/lib/auth/session";
import { listIntegrations } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { StatusDot } from "@/components/status-dot";

export default async function DashboardPage() {
  const { accountId } = await requireAccount();
  const integrations = await listIntegrations(db(), accountId);
  return (
    <>
      <h1 className="text-2xl font-semibold">Your integrations</h1>
      {integrations.length === 0 ? (
        <p className="mt-4 text-slate-600">No integrations yet. Open the installation link from your license mail to set one up.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {integrations.map((i) => (
            <li key={i.id} className="flex items-center justify-between px-5 py-4">
              <div>
                <Link href={`/dashboard/${i.id}/report`} className="font-medium hover:underline">{i.name}</Link>
                <p className="text-sm text-slate-600">
                  {systemNames[i.sourceSystem as SystemId] ?? i.sourceSystem} → {systemNames[i.targetSystem as SystemId] ?? i.targetSystem}
                  {" · "}<span className="font-mono">{i.licenseKey}</span>
                </p>
              </div>
              <div className="flex items-center gap-4 text-sm">
                {i.connections.map((c) => <StatusDot key={c.side} status={c.status} label={c.side === "source" ? "Webshop" : "Accounting"} />)}
                <span className="rounded bg-slate-100 px-2 py-0.5">{i.status}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
