import Link from "next/link";
import { AskUs } from "@/components/ask-us";
import { TicketStatus, ticketKindLabel } from "@/components/ticket-status";
import { requireAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/locale";
import { supportMessages } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { listTickets } from "@/lib/support/merchant-tickets";
import { ticketNumber } from "@/lib/support/ticket-number";

/** The merchant's tickets: problem reports and questions, the latest activity first. */
export default async function SupportPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { accountId } = await requireAccount();
  const locale = await requestLocale();
  const t = translator(supportMessages, locale);
  const [tickets, { error }] = await Promise.all([listTickets(db(), accountId), searchParams]);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("ticketsTitle")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("ticketsIntro")}</p>
        </div>
        <AskUs />
      </div>
      {error === "not-found" && <p role="alert" className="mt-4 text-sm text-red-700">{t("errorNotFound")}</p>}
      {tickets.length === 0 ? (
        <p className="mt-6 text-slate-600">{t("ticketsEmpty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm" aria-label={t("ticketsTable")}>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
              <tr>
                <th className="px-4 py-2">{t("colTicket")}</th>
                <th className="px-4 py-2">{t("colSubject")}</th>
                <th className="px-4 py-2">{t("colKind")}</th>
                <th className="px-4 py-2">{t("colStatus")}</th>
                <th className="px-4 py-2">{t("colUpdated")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tickets.map((ticket) => (
                <tr key={ticket.id} data-testid="ticket-row">
                  <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{ticketNumber(ticket.id)}</td>
                  <td className="px-4 py-2"><Link href={`/dashboard/support/${ticket.id}`} className="text-blue-700 hover:underline">{ticket.subject}</Link></td>
                  <td className="px-4 py-2">{ticketKindLabel(ticket.kind, t)}</td>
                  <td className="px-4 py-2"><TicketStatus status={ticket.status} t={t} /></td>
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(locale, ticket.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
