import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketStatus, ticketKindLabel } from "@/components/ticket-status";
import { requireAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/locale";
import { supportMessages } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { findTicket } from "@/lib/support/merchant-tickets";
import { ticketNumber } from "@/lib/support/ticket-number";

type Props = { params: Promise<{ ticketId: string }>; searchParams: Promise<{ notice?: string; error?: string }> };

/** One of the merchant's tickets: the conversation, a reply form and Close. Another account's ticket is a 404. */
export default async function TicketPage({ params, searchParams }: Props) {
  const [{ ticketId }, { notice, error }] = await Promise.all([params, searchParams]);
  const { accountId } = await requireAccount();
  const ticket = await findTicket(db(), accountId, ticketId);
  if (!ticket) notFound();
  const locale = await requestLocale();
  const t = translator(supportMessages, locale);
  const messages = [
    { id: "first", author: "merchant", body: ticket.message, createdAt: ticket.createdAt },
    ...ticket.replies,
  ];
  return (
    <section aria-labelledby="ticket-heading" className="max-w-3xl space-y-5">
      <Link href="/dashboard/support" className="text-sm text-blue-700 hover:underline">{t("backToTickets")}</Link>
      <div>
        <h1 id="ticket-heading" className="text-2xl font-semibold">{t("ticketHeading", { number: ticketNumber(ticket.id), subject: ticket.subject })}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>{ticketKindLabel(ticket.kind, t)}</span>·<TicketStatus status={ticket.status} t={t} />·<span>{formatDateTime(locale, ticket.createdAt)}</span>
        </p>
        {ticket.integration && (
          <p className="mt-1 text-sm text-slate-600">
            <Link href={`/dashboard/${ticket.integration.id}/errors`} className="hover:underline">{t("ticketIntegration", { name: ticket.integration.name, licenseKey: ticket.integration.licenseKey })}</Link>
          </p>
        )}
      </div>
      {notice === "replied" && <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm">{t("noticeReplied")}</p>}
      {notice === "closed" && <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm">{t("noticeClosed")}</p>}
      <h2 className="text-lg font-semibold">{t("conversation")}</h2>
      <ol className="space-y-3" aria-label={t("conversation")}>
        {messages.map((m) => (
          <li key={m.id} data-testid="ticket-message" className={`rounded-lg border p-3 text-sm ${m.author === "operator" ? "border-green-200 bg-green-50" : "border-slate-200 bg-white"}`}>
            <p className="mb-1 text-xs text-slate-500"><strong className="text-slate-700">{m.author === "operator" ? t("authorSupport") : t("authorYou")}</strong> · {formatDateTime(locale, m.createdAt)}</p>
            <p className="whitespace-pre-wrap break-words">{m.body}</p>
          </li>
        ))}
      </ol>
      {ticket.status === "closed" && <p className="text-sm text-slate-600">{t("closedNote")}</p>}
      <form method="post" action={`/api/support/tickets/${ticket.id}/reply`} className="space-y-2">
        <label htmlFor="reply" className="block text-sm font-medium">{t("replyLabel")}</label>
        <textarea id="reply" name="message" required maxLength={5000} rows={4} aria-invalid={error === "message" || undefined} aria-describedby={error === "message" ? "reply-error" : undefined}
          className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
        {error === "message" && <p id="reply-error" role="alert" className="text-sm text-red-700">{t("errorMessage")}</p>}
        <button type="submit" className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500">{t("replySend")}</button>
      </form>
      {ticket.status !== "closed" && (
        <form method="post" action={`/api/support/tickets/${ticket.id}/close`}>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">{t("closeTicket")}</button>
        </form>
      )}
    </section>
  );
}
