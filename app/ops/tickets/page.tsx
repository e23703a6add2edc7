import Link from "next/link";
import { TicketStatus, ticketKindLabel } from "@/components/ticket-status";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/locale";
import { opsMessages } from "@/lib/i18n/messages/ops";
import { supportMessages } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { TICKET_STATUSES, ticketInbox } from "@/lib/support/ops-tickets";
import { ticketNumber } from "@/lib/support/ticket-number";
import { requireOperatorRole } from "../access";

/** The operators' ticket inbox: open first. */
export default async function TicketInboxPage({ searchParams }: { searchParams: Promise<{ status?: string; error?: string }> }) {
  await requireOperatorRole();
  const { status, error } = await searchParams;
  const filter = TICKET_STATUSES.find((s) => s === status);
  const locale = await requestLocale();
  const t = translator(opsMessages, locale);
  const ts = translator(supportMessages, locale);
  const tickets = await ticketInbox(db(), filter);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("inboxTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("inboxIntro")}</p>
      {error === "not-found" && <p role="alert" className="mt-2 text-sm text-red-700">{t("errorNotFound")}</p>}
      <nav className="mt-4 flex flex-wrap gap-2 text-sm" aria-label={t("filterLabel")}>
        {[undefined, ...TICKET_STATUSES].map((s) => (
          <Link key={s ?? "all"} href={s ? `/ops/tickets?status=${s}` : "/ops/tickets"} aria-current={s === filter ? "page" : undefined}
            className={`rounded border px-3 py-1 ${s === filter ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
            {s ?? t("filterAll")}
          </Link>
        ))}
      </nav>
      {tickets.length === 0 ? <p className="mt-6 text-slate-600">{t("inboxEmpty")}</p> : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm" aria-label={t("inboxTable")}>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
              <tr>
                <th className="px-4 py-2">{t("colTicket")}</th><th className="px-4 py-2">{t("colSubject")}</th><th className="px-4 py-2">{t("colMerchant")}</th>
                <th className="px-4 py-2">{t("colKind")}</th><th className="px-4 py-2">{t("colStatus")}</th><th className="px-4 py-2 text-right">{t("colReplies")}</th><th className="px-4 py-2">{t("colUpdated")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tickets.map((ticket) => (
                <tr key={ticket.id} data-testid="inbox-row">
                  <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{ticketNumber(ticket.id)}</td>
                  <td className="px-4 py-2"><Link href={`/ops/tickets/${ticket.id}`} className="text-blue-700 hover:underline">{ticket.subject}</Link></td>
                  <td className="px-4 py-2"><Link href={`/ops/merchants/${ticket.account.id}`} className="hover:underline">{ticket.account.name}</Link>{ticket.integration && <span className="block font-mono text-xs text-slate-500">{ticket.integration.licenseKey}</span>}</td>
                  <td className="px-4 py-2">{ticketKindLabel(ticket.kind, ts)}</td>
                  <td className="px-4 py-2"><TicketStatus status={ticket.status} t={ts} /></td>
                  <td className="px-4 py-2 text-right">{ticket._count.replies}</td>
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
