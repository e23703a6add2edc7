import { cache } from "react";
import { requestLocale } from "@/lib/i18n/request-locale";
import { DocumentActionButtons } from "./document-action-buttons";

// One look-up per request, however many rows the Errors tab shows.
const localeOfRequest = cache(requestLocale);

/**
 * Process (blue) and Report problem (red) for one document on the Errors or Open tab and on More
 * info. A server component so the buttons speak the merchant's language wherever they are mounted.
 */
export async function DocumentActions({ integrationId, documentId, canReport }: { integrationId: string; documentId: string; canReport: boolean }) {
  return <DocumentActionButtons integrationId={integrationId} documentId={documentId} canReport={canReport} locale={await localeOfRequest()} />;
}
