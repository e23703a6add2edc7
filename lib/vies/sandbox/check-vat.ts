import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { validateVatNumber } from "@/lib/domain/vat-number";
import { VIES_COUNTRY_CODES } from "../config";
import { NO_APPROXIMATE_MATCH, viesFailure } from "./http";
import { DEREGISTERED_NUMBERS, MS_MAX_CONCURRENT_REQ_PREFIX, MS_UNAVAILABLE_PREFIX, type ViesSandboxState } from "./state";

/**
 * POST …/rest-api/check-vat-number and …/check-vat-test-service: VIES's answers, decided by the
 * offline rules (a number is valid when its shape and check digit are right), the tenant's
 * registered numbers and the documented deregistered ones, and the documented failure prefixes.
 */
type CheckRequest = { countryCode: string; vatNumber: string; requester?: { countryCode: string; vatNumber: string } };

const NOT_DISCLOSED = "---";
const clean = (value: unknown) => (typeof value === "string" ? value.replace(/[\s.-]/g, "").toUpperCase() : "");
const isViesCountry = (code: string) => (VIES_COUNTRY_CODES as readonly string[]).includes(code);

/** The request body, or the CommonResponse VIES gives for it. */
async function readRequest(req: Request): Promise<CheckRequest | Response> {
  const body = (await req.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body !== "object" || Array.isArray(body)) return viesFailure(400, "INVALID_INPUT");
  const countryCode = clean(body.countryCode);
  const vatNumber = clean(body.vatNumber);
  if (!isViesCountry(countryCode) || !vatNumber) return viesFailure(400, "INVALID_INPUT");
  const requesterCountry = clean(body.requesterMemberStateCode);
  const requesterNumber = clean(body.requesterNumber);
  if (!requesterCountry && !requesterNumber) return { countryCode, vatNumber };
  if (!isViesCountry(requesterCountry) || !validateVatNumber(`${requesterCountry}${requesterNumber}`).ok) return viesFailure(400, "INVALID_REQUESTER_INFO");
  return { countryCode, vatNumber, requester: { countryCode: requesterCountry, vatNumber: requesterNumber } };
}

/** "WAPIAAAA" + a per-tenant counter, shaped like VIES's consultation numbers. */
const consultationNumber = (n: number) => `WAPIAAAA${n.toString(36).toUpperCase().padStart(8, "0")}`;

function answer(check: CheckRequest, valid: boolean, requestIdentifier: string, name?: string, address?: string): Response {
  return Response.json({
    countryCode: check.countryCode,
    vatNumber: check.vatNumber,
    requestDate: new Date().toISOString(),
    valid,
    requestIdentifier,
    name: valid ? name ?? NOT_DISCLOSED : NOT_DISCLOSED,
    address: valid ? address ?? NOT_DISCLOSED : NOT_DISCLOSED,
    ...NO_APPROXIMATE_MATCH,
  });
}

const issueConsultation = (ctx: SandboxContext<ViesSandboxState>, check: CheckRequest) =>
  check.requester ? ctx.update((s) => consultationNumber(++s.consultations)) : Promise.resolve("");

export async function checkVatNumber(ctx: SandboxContext<ViesSandboxState>): Promise<Response> {
  const check = await readRequest(ctx.req);
  if (check instanceof Response) return check;
  const digits = check.vatNumber.replace(/^[A-Z]+/, "");
  if (digits.startsWith(MS_UNAVAILABLE_PREFIX)) return viesFailure(500, "MS_UNAVAILABLE");
  // The real service has been seen to send this one with HTTP 200; the simulator does too.
  if (digits.startsWith(MS_MAX_CONCURRENT_REQ_PREFIX)) return viesFailure(200, "MS_MAX_CONCURRENT_REQ");

  const offline = validateVatNumber(`${check.countryCode}${check.vatNumber}`);
  const key = offline.ok ? offline.formatted : `${check.countryCode}${check.vatNumber}`;
  const registered = (await ctx.read()).numbers[key];
  const valid = registered ? registered.valid : offline.ok && !(DEREGISTERED_NUMBERS as readonly string[]).includes(key);
  return answer(check, valid, await issueConsultation(ctx, check), registered?.name, registered?.address);
}

/** VIES's test service: the number alone picks the answer (100 valid, 200 invalid, the rest an error code). */
const TEST_SERVICE: Record<string, { status: number; error: string }> = {
  "201": { status: 400, error: "INVALID_INPUT" },
  "202": { status: 400, error: "INVALID_REQUESTER_INFO" },
  "300": { status: 500, error: "SERVICE_UNAVAILABLE" },
  "301": { status: 500, error: "MS_UNAVAILABLE" },
  "302": { status: 500, error: "TIMEOUT" },
  "400": { status: 500, error: "VAT_BLOCKED" },
  "401": { status: 500, error: "IP_BLOCKED" },
  "500": { status: 500, error: "GLOBAL_MAX_CONCURRENT_REQ" },
  "501": { status: 500, error: "GLOBAL_MAX_CONCURRENT_REQ_TIME" },
  "600": { status: 500, error: "MS_MAX_CONCURRENT_REQ" },
  "601": { status: 500, error: "MS_MAX_CONCURRENT_REQ_TIME" },
};

export async function checkVatTestService(ctx: SandboxContext<ViesSandboxState>): Promise<Response> {
  const check = await readRequest(ctx.req);
  if (check instanceof Response) return check;
  if (check.vatNumber === "100" || check.vatNumber === "200") return answer(check, check.vatNumber === "100", await issueConsultation(ctx, check));
  const failure = TEST_SERVICE[check.vatNumber] ?? { status: 400, error: "INVALID_INPUT" };
  return viesFailure(failure.status, failure.error);
}
