import { ConnectorError } from "@/connectors/types";
import { vatRuleByPrefix } from "@/lib/domain/vat-number-rules";
import { viesErrorCodes, type ViesErrorCode } from "./schemas";

/**
 * VIES's error codes as ConnectorErrors. Everything that says "VIES or the member state cannot
 * answer now" is one retryable code, `vies_unavailable`: it says nothing about the VAT number, so
 * the pipeline must neither accept nor reject the number on it, only try again later.
 */
export const VIES_UNAVAILABLE = "vies_unavailable";

/** What the failed check was about, for the merchant's message. */
export type CheckedNumber = { countryCode: string; formatted: string };

const authority = (countryCode: string) => {
  const adjective = vatRuleByPrefix.get(countryCode)?.adjective;
  return adjective ? `the ${adjective} tax authority` : `the tax authority of ${countryCode}`;
};

function unavailableReason(code: ViesErrorCode, countryCode: string): string {
  switch (code) {
    case "MS_UNAVAILABLE": return `${authority(countryCode)} is not answering VIES right now`;
    case "TIMEOUT": return `${authority(countryCode)} did not answer VIES in time`;
    case "MS_MAX_CONCURRENT_REQ":
    case "MS_MAX_CONCURRENT_REQ_TIME": return `VIES is handling too many checks for ${countryCode} numbers right now`;
    case "GLOBAL_MAX_CONCURRENT_REQ":
    case "GLOBAL_MAX_CONCURRENT_REQ_TIME": return "VIES is handling too many checks right now";
    case "IP_BLOCKED": return "VIES is temporarily refusing checks from our server";
    default: return "VIES itself is unavailable right now";
  }
}

export function unavailable(about: CheckedNumber, why: string, detail?: ConnectorError["detail"]): ConnectorError {
  return new ConnectorError(VIES_UNAVAILABLE, `VAT number ${about.formatted} could not be checked in VIES: ${why}. We will check it again shortly.`, true, detail);
}

/** The ConnectorError for an error code in a VIES answer. */
export function viesError(code: string, about: CheckedNumber, detail: ConnectorError["detail"]): ConnectorError {
  const known = Object.hasOwn(viesErrorCodes, code) ? (code as ViesErrorCode) : undefined;
  if (known && viesErrorCodes[known] === "unavailable") return unavailable(about, unavailableReason(known, about.countryCode), detail);
  switch (known) {
    case "INVALID_INPUT":
      return new ConnectorError("vies_invalid_input", `VIES refused to check ${about.formatted}: the country code or the number is not in a form VIES accepts. Correct the customer's VAT number, then process the document again.`, false, detail);
    case "INVALID_REQUESTER_INFO":
      return new ConnectorError("vies_invalid_requester", "VIES refused your own VAT number, which we send to obtain a consultation number. Check the VAT number in your settings.", false, detail);
    case "VAT_BLOCKED":
      return new ConnectorError("vies_vat_blocked", `VIES will not check ${about.formatted}: ${authority(about.countryCode)} has blocked checks of this number.`, false, detail);
    default: {
      const retryable = (detail?.status ?? 0) >= 500;
      return new ConnectorError("vies_error", `VIES could not check ${about.formatted} and answered with the unknown error "${code}".${retryable ? " We will try again shortly." : ""}`, retryable, detail);
    }
  }
}
