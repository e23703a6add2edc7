import { ConnectorError, type ExternalCallRecord } from "@/connectors/types";
import { normalizeVatNumber, validateVatNumber } from "@/lib/domain/vat-number";
import { vatRuleByPrefix } from "@/lib/domain/vat-number-rules";
import { CHECK_VAT_NUMBER_PATH, VIES_DEFAULT_TIMEOUT_MS, VIES_PRODUCTION_BASE_URL, VIES_SYSTEM } from "./config";
import { unavailable, viesError, type CheckedNumber } from "./errors";
import { checkVatResponseSchema, commonResponseSchema, isViesErrorCode, viesErrorCodes } from "./schemas";

/**
 * HTTP to the EU's VIES REST service: one POST per check. Answers "valid" or "invalid" (the
 * member state's register says so), or throws a ConnectorError: `vies_unavailable` (retryable)
 * whenever VIES or the member state cannot answer now, which says nothing about the number.
 * Offline checks belong before this call: `validateVatNumber` saves VIES a hopeless question.
 */

/** One call as recorded for the audit log; like ExternalCallRecord, for a system outside the connector registry. */
export type ViesCallRecord = Omit<ExternalCallRecord, "system"> & { system: typeof VIES_SYSTEM };

export type ViesContext = {
  /** https://ec.europa.eu (the default) or a sandbox tenant's base, http://<app>/sandbox/vies/<tenant>. */
  baseUrl?: string;
  fetch?: typeof fetch;
  onCall?: (call: ViesCallRecord) => void;
  /** Per-request timeout (default 20 s); a timeout is a retryable `vies_unavailable`. */
  timeoutMs?: number;
  /** The clock for `checkedAt` when VIES leaves out its requestDate. */
  now?: () => Date;
};

export type ViesQuery = {
  /** The VAT number, with or without its prefix ("NL123456789B01", "123456789B01", "nl 1234.56.789 b01"). */
  vatNumber: string;
  /** The country when the number has no prefix: VAT prefix or ISO code (GR is sent as EL). */
  countryCode?: string;
  /** The merchant's own VAT number: with it VIES issues a consultation number (requestIdentifier), the proof of the check. */
  requester?: { vatNumber: string; countryCode?: string };
};

export type ViesCheckResult = {
  /** What the member state's register says: "invalid" = not (or no longer) registered for intra-EU trade. */
  status: "valid" | "invalid";
  /** The number as checked: VIES country code (EL, XI…) and the number after it. */
  countryCode: string;
  vatNumber: string;
  /** When VIES checked it (its requestDate), ISO 8601. */
  checkedAt: string;
  /** The consultation number; only when a requester was given. */
  requestIdentifier?: string;
  /** The registered name and address where the member state discloses them. */
  name?: string;
  address?: string;
};

const NOT_DISCLOSED = "---";
const MAX_LOGGED_BODY = 16_000;

/** Country code and number as VIES wants them; a number without a country cannot be asked. */
function toVies(vatNumber: string, countryCode: string | undefined, role: "customer" | "requester"): CheckedNumber & { vatNumber: string } {
  const checked = validateVatNumber(vatNumber, countryCode);
  if (checked.ok) return { countryCode: checked.country, vatNumber: checked.number, formatted: checked.formatted };
  const normalized = normalizeVatNumber(vatNumber, countryCode);
  if (!normalized.country || !vatRuleByPrefix.has(normalized.country)) {
    const whose = role === "customer" ? "The customer's VAT number" : "Your own VAT number";
    const code = role === "customer" ? "vies_invalid_input" : "vies_invalid_requester";
    throw new ConnectorError(code, `${whose} '${vatNumber.trim()}' cannot be checked in VIES: ${checked.reason}`, false);
  }
  return { countryCode: normalized.country, vatNumber: normalized.number, formatted: normalized.compact };
}

const disclosed = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed && trimmed !== NOT_DISCLOSED ? trimmed : undefined;
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Asks VIES whether a VAT number is registered for intra-EU trade. */
export async function checkVatNumber(ctx: ViesContext, query: ViesQuery): Promise<ViesCheckResult> {
  const subject = toVies(query.vatNumber, query.countryCode, "customer");
  const requester = query.requester ? toVies(query.requester.vatNumber, query.requester.countryCode, "requester") : undefined;
  const body = JSON.stringify({
    countryCode: subject.countryCode,
    vatNumber: subject.vatNumber,
    ...(requester ? { requesterMemberStateCode: requester.countryCode, requesterNumber: requester.vatNumber } : {}),
  });
  const url = `${(ctx.baseUrl ?? VIES_PRODUCTION_BASE_URL).replace(/\/+$/, "")}${CHECK_VAT_NUMBER_PATH}`;
  const timeoutMs = ctx.timeoutMs ?? VIES_DEFAULT_TIMEOUT_MS;
  const doFetch = ctx.fetch ?? fetch;
  const started = Date.now();
  const record = (extra: Partial<ViesCallRecord>) =>
    ctx.onCall?.({ system: VIES_SYSTEM, method: "POST", url, requestBody: body, durationMs: Date.now() - started, ...extra });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await doFetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body, signal: controller.signal });
    text = await res.text();
    // Past our timeout the answer is abandoned, even from a fetch that does not honour the signal.
    if (controller.signal.aborted) throw new Error("aborted");
  } catch (err) {
    const timedOut = controller.signal.aborted;
    const why = timedOut ? `VIES did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} seconds` : `${timeoutMs} ms`}` : `VIES could not be reached (${(err as Error).message})`;
    record({ error: why });
    throw unavailable(subject, why);
  } finally {
    clearTimeout(timer);
  }
  record({ status: res.status, responseBody: text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}… (truncated)` : text });
  const detail = { status: res.status, body: text.slice(0, 4000) };
  const json = parseJson(text);

  // VIES reports failures as CommonResponse, with HTTP 400/500 and sometimes with 200.
  const failure = commonResponseSchema.safeParse(json);
  const errorCode = failure.success ? failure.data.errorWrappers?.find((w) => w.error)?.error : undefined;
  if (errorCode && (failure.data?.actionSucceed === false || !res.ok)) throw viesError(errorCode, subject, detail);

  if (res.status === 429) throw unavailable(subject, "VIES asks us to slow down", { ...detail, retryAfterMs: retryAfterMs(res.headers.get("retry-after")) ?? 60_000 });
  if (res.status >= 500) throw unavailable(subject, `VIES answered with a server error (HTTP ${res.status})`, detail);
  if (!res.ok) throw new ConnectorError("vies_rejected", `VIES rejected the check of ${subject.formatted} (HTTP ${res.status}).`, false, detail);

  if (json === undefined) {
    // A 2xx web page instead of JSON is VIES's maintenance page.
    const looksLikePage = /^\s*</.test(text);
    throw new ConnectorError(
      "vies_invalid_response",
      looksLikePage
        ? `VIES answered the check of ${subject.formatted} with a web page instead of a result (maintenance?); we will try again shortly.`
        : `VIES answered the check of ${subject.formatted} with something that is not JSON; we will try again shortly.`,
      true,
      detail,
    );
  }
  const parsed = checkVatResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "(body)";
    throw new ConnectorError("vies_invalid_response", `VIES answered the check of ${subject.formatted} without the expected field "${field}" (${issue?.message ?? "invalid"}).`, false, detail);
  }
  const answer = parsed.data;
  if (isViesErrorCode(answer.userError) && viesErrorCodes[answer.userError] !== "permanent") throw viesError(answer.userError, subject, detail);

  return {
    status: answer.valid ? "valid" : "invalid",
    countryCode: answer.countryCode || subject.countryCode,
    vatNumber: answer.vatNumber || subject.vatNumber,
    checkedAt: answer.requestDate && !Number.isNaN(Date.parse(answer.requestDate)) ? new Date(answer.requestDate).toISOString() : (ctx.now?.() ?? new Date()).toISOString(),
    requestIdentifier: answer.requestIdentifier?.trim() || undefined,
    name: disclosed(answer.name),
    address: disclosed(answer.address),
  };
}

/** The same, bound to one context: `createViesClient(ctx).checkVatNumber({ vatNumber, countryCode })`. */
export function createViesClient(ctx: ViesContext = {}) {
  return { checkVatNumber: (query: ViesQuery) => checkVatNumber(ctx, query) };
}
export type ViesClient = ReturnType<typeof createViesClient>;
