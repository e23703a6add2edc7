import Link from "next/link";
import { focusRing } from "@/components/ui-classes";
import type { TrailEntry } from "@/lib/audit/document-trail";
import { formatDateTime, type Locale } from "@/lib/i18n/locale";
import { documentPageMessages } from "@/lib/i18n/messages/document-page";
import { translator } from "@/lib/i18n/translate";

type Key = Parameters<ReturnType<typeof translator<keyof typeof documentPageMessages.en>>>[0];

/** What an event's detail says in a few words (codes, references, the settings group). */
function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  const parts: string[] = [];
  for (const key of ["code", "message", "targetNumber", "targetRef", "how", "creditNumber", "group", "step", "runAttempt"] as const) {
    const value = detail[key];
    if (value !== undefined && value !== null && value !== "") parts.push(key === "message" ? String(value) : `${key}: ${String(value)}`);
  }
  if (Array.isArray(detail.changes)) parts.push(`changes: ${detail.changes.length}`);
  return parts.join(" · ");
}

/** The document's audit trail, oldest first: attempts, exchanges, and people's actions, each with who did it. */
export function AuditTrail({ entries, olderHref, locale }: { entries: TrailEntry[]; olderHref: string | null; locale: Locale }) {
  const t = translator(documentPageMessages, locale);
  const actionLabel = (action: string) => {
    const key = `action.${action}` as Key;
    return Object.hasOwn(documentPageMessages.en, key) ? t(key) : action;
  };
  return (
    <section aria-labelledby="trail-heading" className="space-y-2">
      <h3 id="trail-heading" className="font-semibold">{t("trailHeading")}</h3>
      <p className="text-xs text-slate-600">{t("trailIntro")}</p>
      {olderHref && <Link href={olderHref} className={`rounded text-xs text-blue-700 underline ${focusRing}`}>{t("trailOlder")}</Link>}
      {entries.length === 0 ? <p className="text-sm text-slate-600">{t("trailEmpty")}</p> : (
        <ol data-testid="audit-trail" className="space-y-1 text-xs">
          {entries.map((e) => (
            <li key={`${e.kind}-${e.id}`} data-kind={e.kind} data-action={e.kind === "event" ? e.action : undefined} className="rounded border border-slate-200 bg-white p-2">
              <time dateTime={e.at.toISOString()} className="text-slate-500">{formatDateTime(locale, e.at)}</time>{" "}
              {e.kind === "event" ? (
                <>
                  <strong>{actionLabel(e.action)}</strong>
                  {" · "}{e.actor === "system" ? t("trailSystem") : (e.actorName ?? e.actor)}
                  {e.integrationLevel ? ` (${t("trailIntegrationLevel")})` : ""}
                  {detailText(e.detail) && <span className="block break-words text-slate-600">{detailText(e.detail)}</span>}
                </>
              ) : (
                <details className="inline">
                  <summary className={`inline cursor-pointer rounded font-mono break-all ${focusRing}`}>{e.system} {e.method} {e.url} → {e.status ?? e.error} ({e.durationMs} ms)</summary>
                  {e.requestBody && <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-2">{e.requestBody}</pre>}
                  {e.responseBody && <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-2">{e.responseBody}</pre>}
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
