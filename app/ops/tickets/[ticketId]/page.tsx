import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketStatus, ticketKindLabel } from "@/components/ticket-status";
import { db } from "@/lib/db/client";
import { formatDateTime, parseLocale } from "@/lib/i18n/locale";
import { opsMessages } from "@/lib/i18n/messages/ops";
import { supportMessages } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { ticketForOperator } from "@/lib/support/ops-tickets";
import { problemContextOf } from "@/lib/support/problem-context";
import { ticketNumber } from "@/lib/support/ticket-number";
import { requireOperatorRole } from "../../access";
import { ProblemContextView } from "./problem-context-view";

type Props = { params: Promise<{ ticketId: string }>; searchParams: Promise<{ notice?: string; error?: string }> };

/** One ticket for an operator: the merchant, what they reported (document, error, raw exchange), the conversation, the answer form. */
export default async function OpsTicketPage({ params, searchParams }: Props) {
  await requireOperatorRole();
  const [{ ticketId }, { notice, error }] = await Promise.all([params, searchParams]);
  const ticket = await ticketForOperator(db(), ticketId);
  if (!ticket) notFound();
  const locale = await requestLocale();
  const t = translator(opsMessages, locale);
  const ts = translator(supportMessages, locale);
  const context = problemContextOf(ticket.context);
  const merchantLanguage = t(parseLocale(ticket.account.locale) === "nl" ? "language_nl" : "language_en");
  const messages = [{ id: "first", author: "merchant", body: ticket.message, createdAt: ticket.createdAt }, ...ticket.replies];
  return (
    <div className="max-w-5xl space-y-6">
      <Link href="/ops/tickets" className="text-sm text-blue-700 hover:underline">{t("backToInbox")}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{ts("ticketHeading", { number: ticketNumber(ticket.id), subject: ticket.subject })}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>{ticketKindLabel(ticket.kind, ts)}</span>·<TicketStatus status={ticket.status} t={ts} />·<span>{formatDateTime(locale, ticket.createdAt)}</span>
        </p>
        <p className="mt-1 text-sm"><Link href={`/ops/merchants/${ticket.account.id}`} className="text-blue-700 hover:underline">{t("ticketMerchant", { name: ticket.account.name })}</Link></p>
        {ticket.integration && <p className="text-sm text-slate-600">{t("ticketIntegration", { name: ticket.integration.name, licenseKey: ticket.integration.licenseKey })}</p>}
      </div>
      {notice === "answered" && <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm">{t("noticeAnswered")}</p>}

      <section aria-labelledby="conversation-heading" className="space-y-3">
        <h2 id="conversation-heading" className="text-lg font-semibold">{t("conversation")}</h2>
        <ol className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} data-testid="ticket-message" className={`rounded-lg border p-3 text-sm ${m.author === "operator" ? "border-green-200 bg-green-50" : "border-slate-200 bg-white"}`}>
              <p className="mb-1 text-xs text-slate-500"><strong className="text-slate-700">{m.author === "operator" ? t("authorOperator") : t("authorMerchant")}</strong> · {formatDateTime(locale, m.createdAt)}</p>
              <p className="whitespace-pre-wrap break-words">{m.body}</p>
            </li>
          ))}
        </ol>
        <form method="post" action={`/api/ops/tickets/${ticket.id}/answer`} className="space-y-2">
          <label htmlFor="answer" className="block text-sm font-medium">{t("answerLabel", { language: merchantLanguage })}</label>
          <textarea id="answer" name="message" required maxLength={10_000} rows={6} aria-invalid={error === "message" || undefined} aria-describedby={error === "message" ? "answer-error" : undefined}
            className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
          {error === "message" && <p id="answer-error" role="alert" className="text-sm text-red-700">{t("errorAnswer")}</p>}
          <button type="submit" className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500">{t("answerSend")}</button>
        </form>
      </section>

      {context && (
        <section aria-labelledby="context-heading" className="space-y-3">
          <h2 id="context-heading" className="text-lg font-semibold">{t("contextTitle")}</h2>
          <ProblemContextView context={context} locale={locale} t={t} ts={ts} />
        </section>
      )}
    </div>
  );
}
