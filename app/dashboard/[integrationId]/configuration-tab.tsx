import Link from "next/link";
import { StatusDot } from "@/components/status-dot";
import type { findIntegration } from "@/lib/dashboard/integrations";

type Integration = NonNullable<Awaited<ReturnType<typeof findIntegration>>>;

/** The Configuration tab: the connections and their state; Edit configuration opens the wizard. */
export function ConfigurationTab({ integration }: { integration: Integration }) {
  return (
    <section aria-label="Connections">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Connections</h2>
        <Link href={`/install/${encodeURIComponent(integration.licenseKey)}`} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500">Edit configuration</Link>
      </div>
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
