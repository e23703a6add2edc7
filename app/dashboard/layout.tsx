import Link from "next/link";
import { requireAccount } from "@/lib/auth/session";
import { LogoutButton } from "./logout-button";
import { SupportNavLinks } from "@/components/support-nav-links";
import { ViewAsBanner } from "@/components/view-as-banner";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const account = await requireAccount();
  return (
    <div className="min-h-screen">
      <ViewAsBanner />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
          <nav className="flex items-center gap-6 text-sm">
            <Link href="/dashboard" className="font-semibold">Boekkoppeling</Link>
            <Link href="/dashboard" className="text-slate-600 hover:text-slate-900">Integrations</Link>
            <Link href="/dashboard/profile" className="text-slate-600 hover:text-slate-900">Profile</Link>
            <SupportNavLinks />
          </nav>
          <div className="flex items-center gap-4 text-sm text-slate-600">
            <span data-testid="signed-in-as">{account.email}</span>
            <LogoutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
