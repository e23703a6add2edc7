import Link from "next/link";
import { focusRing } from "@/components/ui-classes";
import { HereLanguageSwitcher } from "@/components/here-language-switcher";
import { requireAccount } from "@/lib/auth/session";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { LogoutButton } from "./logout-button";
import { SupportNavLinks } from "@/components/support-nav-links";
import { ViewAsBanner } from "@/components/view-as-banner";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const account = await requireAccount();
  const locale = await requestLocale();
  const t = translator(dashboardMessages, locale);
  const navLink = `rounded text-slate-600 hover:text-slate-900 ${focusRing}`;
  return (
    <div className="min-h-screen">
      <ViewAsBanner />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <nav className="flex items-center gap-4 text-sm sm:gap-6" aria-label={t("mainNavigation")}>
            <Link href="/dashboard" className={`rounded font-semibold ${focusRing}`}>Boekkoppeling</Link>
            <Link href="/dashboard" className={navLink}>{t("integrations")}</Link>
            <Link href="/dashboard/profile" className={navLink}>{t("profile")}</Link>
            <SupportNavLinks />
          </nav>
          <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
            <span className="min-w-0 truncate" title={`${t("signedInAs")} ${account.email}`}>
              <span className="sr-only">{t("signedInAs")} </span><span data-testid="signed-in-as">{account.email}</span>
            </span>
            <HereLanguageSwitcher locale={locale} />
            <LogoutButton label={t("logOut")} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
