import { targetSetups } from "@/connectors/registry";
import type { TargetConnector } from "@/connectors/types";
import type { CostAccounts } from "../domain/vat-grid";
import type { LoadedIntegration } from "../integrations/load-integration";
import { bookingSettingOf } from "./booking-setting";
import type { BookingConfig } from "./prepare-booking";

/** What prepareBooking needs of an integration and its target: one place, for booking and for the preview. */
export function bookingConfigFor(integration: LoadedIntegration, target: Pick<TargetConnector, "system" | "arithmetic">): BookingConfig {
  const booking = bookingSettingOf(integration.settings.booking);
  return {
    licenseKey: integration.licenseKey,
    vatGrid: integration.vatGrid,
    costAccounts: integration.settings.costAccounts as CostAccounts | undefined,
    descriptionSource: (integration.settings.target as { descriptionSource?: "order-number" | "invoice-number" } | undefined)?.descriptionSource,
    arithmetic: target.arithmetic,
    roundingLine: booking.roundingLine,
    usesVatGrid: targetSetups[target.system]?.usesVatGrid,
  };
}
