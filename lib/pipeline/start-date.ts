import type { LoadedIntegration } from "../integrations/load-integration";

/**
 * The first day whose documents the integration books (YYYY-MM-DD, Dutch calendar): the merchant's
 * chosen start date when set on the source, else the day the integration was created. Polls start
 * there, so installing never drags a shop's whole history into the books.
 */
export function startDateOf(integration: Pick<LoadedIntegration, "settings" | "createdAt">): string {
  const chosen = (integration.settings.source as { startDate?: unknown } | undefined)?.startDate;
  if (typeof chosen === "string" && /^\d{4}-\d{2}-\d{2}$/.test(chosen)) return chosen;
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(integration.createdAt);
}
