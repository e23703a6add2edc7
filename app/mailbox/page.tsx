import Link from "next/link";
import { notFound } from "next/navigation";
import { LanguageSwitcher } from "@/components/language-switcher";
import { isSandbox } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/locale";
import { mailboxMessages } from "@/lib/i18n/messages/signup-mailbox";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { listMails, MAILBOX_PAGE_SIZE } from "@/lib/signup/mailbox";

export const dynamic = "force-dynamic";

/**
 * The local mailbox (sandbox mode only): every kept mail, newest first, filterable by address.
 * Each mail's subject links to the mail.
 */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!isSandbox()) notFound();
  const raw = (await searchParams).to;
  const to = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 254) || undefined;
  const locale = await visitorLocale();
  const t = translator(mailboxMessages, locale);
  const mails = await listMails(db(), to);

  return (
    <main className="mx-auto max-w-4xl space-y-5 px-6 py-10">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LanguageSwitcher locale={locale} back={`/mailbox${to ? `?to=${encodeURIComponent(to)}` : ""}`} />
      </header>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t("filterLabel")}</span>
          <input name="to" type="search" defaultValue={to} placeholder={t("filterPlaceholder")} className="mt-1 w-72 max-w-full rounded-md border border-slate-300 px-3 py-1.5" />
        </label>
        <button className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">{t("filter")}</button>
        {to && <Link href="/mailbox" className="text-sm underline">{t("showAll")}</Link>}
      </form>

      {mails.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">{to ? t("emptyTo", { to }) : t("empty")}</p>
      ) : (
        <ol aria-label={to ? t("listLabelTo", { to }) : t("listLabel")} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {mails.map((m) => (
            <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <div className="min-w-0">
                <Link href={`/mailbox/${m.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">{m.subject}</Link>
                <p className="truncate text-sm text-slate-600">{t("to")}: {m.to}</p>
              </div>
              <p className="text-xs text-slate-500">
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(locale, m.createdAt)}</time> · {m.kind} ·{" "}
                {m.error ? t("failed", { error: m.error }) : m.sentAt ? t("sent", { date: formatDateTime(locale, m.sentAt) }) : t("notSent")}
              </p>
            </li>
          ))}
        </ol>
      )}
      {mails.length === MAILBOX_PAGE_SIZE && <p className="text-sm text-slate-600">{t("more", { count: MAILBOX_PAGE_SIZE })}</p>}
    </main>
  );
}
