import { z } from "zod";

/**
 * The VIES REST payloads we read (swagger "Vies on-the-Web Endpoint" 1.0.0): CheckVatResponse on
 * success, CommonResponse `{"actionSucceed": false, "errorWrappers": [{"error": "MS_UNAVAILABLE"}]}`
 * on failure, which VIES sends with HTTP 400/500 and, at times, with HTTP 200.
 */
const text = z.string().nullish().transform((v) => v ?? undefined);

export const checkVatResponseSchema = z.object({
  countryCode: text,
  vatNumber: text,
  /** ISO date-time of the check ("2026-03-02T10:15:30.123Z"). */
  requestDate: text,
  valid: z.boolean(),
  /** The consultation number; "" unless the request named a requester (the merchant's own VAT number). */
  requestIdentifier: text,
  /** "---" where the member state does not disclose it (e.g. Germany). */
  name: text,
  address: text,
  /** Not in the swagger, but some VIES answers carry the error code here instead of in errorWrappers. */
  userError: text,
});
export type CheckVatResponse = z.infer<typeof checkVatResponseSchema>;

export const commonResponseSchema = z.object({
  actionSucceed: z.boolean().nullish(),
  errorWrappers: z.array(z.object({ error: text, message: text })).nullish(),
});
export type CommonResponse = z.infer<typeof commonResponseSchema>;

/** The error codes VIES documents, and whether waiting helps. */
export const viesErrorCodes = {
  INVALID_INPUT: "permanent",
  INVALID_REQUESTER_INFO: "permanent",
  VAT_BLOCKED: "permanent",
  SERVICE_UNAVAILABLE: "unavailable",
  MS_UNAVAILABLE: "unavailable",
  TIMEOUT: "unavailable",
  IP_BLOCKED: "unavailable",
  GLOBAL_MAX_CONCURRENT_REQ: "unavailable",
  GLOBAL_MAX_CONCURRENT_REQ_TIME: "unavailable",
  MS_MAX_CONCURRENT_REQ: "unavailable",
  MS_MAX_CONCURRENT_REQ_TIME: "unavailable",
} as const;
export type ViesErrorCode = keyof typeof viesErrorCodes;
export const isViesErrorCode = (code: string | undefined): code is ViesErrorCode => !!code && Object.hasOwn(viesErrorCodes, code);
