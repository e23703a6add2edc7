import type { Translate } from "@/lib/i18n/translate";
import type { SupportKey } from "@/lib/i18n/messages/support";

const colours: Record<string, string> = {
  open: "bg-amber-100 text-amber-900",
  answered: "bg-green-100 text-green-900",
  closed: "bg-slate-100 text-slate-700",
};
const statusKeys: Record<string, SupportKey> = { open: "statusOpen", answered: "statusAnswered", closed: "statusClosed" };

/** A ticket's status as a small label, in the reader's language. */
export function TicketStatus({ status, t }: { status: string; t: Translate<SupportKey> }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${colours[status] ?? colours.closed}`}>{statusKeys[status] ? t(statusKeys[status]) : status}</span>;
}

export const ticketKindLabel = (kind: string, t: Translate<SupportKey>) => t(kind === "problem" ? "kindProblem" : "kindQuestion");
