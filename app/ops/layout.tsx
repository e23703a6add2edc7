import Link from "next/link";
import { ViewAsBanner } from "@/components/view-as-banner";
import { opsMessages } from "@/lib/i18n/messages/ops";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export default async function OpsLayout({ children }: { children: React.ReactNode }) {
  const t = translator(opsMessages, await requestLocale());
  return (
    <div className="min-h-screen">
      <ViewAsBanner />
      <header className="border-b border-slate-200 bg-white">
        <nav className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3 text-sm" aria-label="Operator">
          <Link href="/dashboard" className="font-semibold">Boekkoppeling</Link>
          <Link href="/ops/tickets" className="text-slate-600 hover:text-slate-900">{t("navTickets")}</Link>
          <Link href="/ops/merchants" className="text-slate-600 hover:text-slate-900">{t("navMerchants")}</Link>
          <Link href="/ops/runs" className="text-slate-600 hover:text-slate-900">{t("navRuns")}</Link>
        </nav>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </div>
  );
}
