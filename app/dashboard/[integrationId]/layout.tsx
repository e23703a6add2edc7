import Link from "next/link";
import { notFound } from "next/navigation";
import { systemNames, type SystemId } from "@/connectors/types";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { AskUs } from "@/components/ask-us";

const tabs = [
  ["report", "Report"],
  ["errors", "Errors"],
  ["open", "Open"],
  ["payments", "Payments"],
  ["configuration", "Configuration"],
] as const;

export default async function IntegrationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold">{integration.name}</h1>
      <p className="text-sm text-slate-600">
        {systemNames[integration.sourceSystem as SystemId]} → {systemNames[integration.targetSystem as SystemId]} · license{" "}
        <span className="font-mono">{integration.licenseKey}</span>
      </p>
      <div className="mt-3"><AskUs integrationId={integration.id} /></div>
      <nav className="mt-6 flex gap-1 border-b border-slate-200" aria-label="Integration tabs">
        {tabs.map(([tab, label]) => (
          <Link key={tab} href={`/dashboard/${integration.id}/${tab}`} className="rounded-t-md px-4 py-2 text-sm hover:bg-slate-100">
            {label}
          </Link>
        ))}
      </nav>
      <div className="mt-6">{children}</div>
    </>
  );
}
