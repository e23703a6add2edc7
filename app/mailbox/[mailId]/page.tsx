import Link from "next/link";
import { notFound } from "next/navigation";
import { LanguageSwitcher } from "@/components/language-switcher";
import { isSandbox } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/locale";
import { mailboxMessages } from "@/lib/i18n/messages/signup-mailbox";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { findMail, linkify } from "@/lib/signup/mailbox";

export const dynamic = "force-dynamic";

/** One kept mail (sandbox mode only): its text as sent, with the links clickable. */
export default async function MailPage({ params }: { params: Promise<{ mailId: string }> }) {
  if (!isSandbox()) notFound();
  const { mailId } = await params;
  const mail = await findMail(db(), mailId);
  if (!mail) notFound();
  const locale = await visitorLocale();
  const t = translator(mailboxMessages, locale);

  return (
    <main className="mx-auto max-w-3xl space-y-5 px-6 py-10">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <Link href={`/mailbox?to=${encodeURIComponent(mail.to.split(",")[0]!.trim())}`} className="text-sm underline">{t("back")}</Link>
        <LanguageSwitcher locale={locale} back={`/mailbox/${mail.id}`} />
      </header>
      <h1 className="text-2xl font-semibold">{mail.subject}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("to")}</dt><dd className="break-all">{mail.to}</dd>
        <dt className="font-medium">{t("date")}</dt><dd><time dateTime={mail.createdAt.toISOString()}>{formatDateTime(locale, mail.createdAt)}</time></dd>
        <dt className="font-medium">{t("kind")}</dt><dd>{mail.kind}</dd>
      </dl>
      <article aria-label={t("bodyLabel")} lang={mail.locale} className="whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-5 font-mono text-sm">
        {linkify(mail.text).map((part, i) => ("url" in part
          ? <a key={i} href={part.url} className="text-blue-700 underline">{part.url}</a>
          : <span key={i}>{part.text}</span>))}
      </article>
    </main>
  );
}
