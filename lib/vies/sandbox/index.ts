import type { SystemId } from "@/connectors/types";
import { createSandbox } from "@/connectors/sandbox/kit/create-sandbox";
import { VIES_COUNTRY_CODES, VIES_SYSTEM } from "../config";
import { numbersAdmin } from "./admin";
import { checkVatNumber, checkVatTestService } from "./check-vat";
import { notFoundPage, viesFailure } from "./http";
import { initialState, reset, type ViesSandboxState } from "./state";

/**
 * The VIES simulator, mounted at /sandbox/vies/<tenant>; the real paths follow, e.g.
 * /sandbox/vies/acme/taxation_customs/vies/rest-api/check-vat-number. See README.md here.
 */
const REST_API = ["taxation_customs", "vies", "rest-api"];

export const viesSandbox = createSandbox<ViesSandboxState>({
  // The kit keys tenants by system id; VIES is a service of the VAT engine, not a connector
  // system, so it sits beside SystemId (see connectors/sandbox/registry.ts).
  system: VIES_SYSTEM as unknown as SystemId,
  initialState,
  reset,
  errorResponse: (status, message) => viesFailure(status, status === 429 ? "GLOBAL_MAX_CONCURRENT_REQ" : "SERVICE_UNAVAILABLE", message),
  async admin(ctx, method, sub) {
    if (sub.length === 1 && sub[0] === "numbers") return numbersAdmin(ctx, method);
    return undefined;
  },
  async api(ctx) {
    const method = ctx.req.method.toUpperCase();
    if (ctx.path.length !== 4 || REST_API.some((segment, i) => ctx.path[i] !== segment)) return notFoundPage();
    const operation = ctx.path[3];
    const allow = (expected: string, handle: () => Promise<Response> | Response) =>
      method === expected ? handle() : new Response(null, { status: 405, headers: { allow: expected } });
    if (operation === "check-vat-number") return allow("POST", () => checkVatNumber(ctx));
    if (operation === "check-vat-test-service") return allow("POST", () => checkVatTestService(ctx));
    if (operation === "check-status") {
      return allow("GET", () => Response.json({ vow: { available: true }, countries: VIES_COUNTRY_CODES.map((countryCode) => ({ countryCode, availability: "Available" })) }));
    }
    return notFoundPage();
  },
});
