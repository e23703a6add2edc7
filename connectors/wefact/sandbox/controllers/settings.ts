import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { failure, success, type Call } from "../http";
import type { WefactState } from "../state";

/** `settings/list`: corporate identities (their LanguageCode picks the invoice layout) and the VAT codes, keyed by code as PHP does. */
export async function settingsController(call: Call, ctx: SandboxContext<WefactState>): Promise<Response> {
  if (call.action !== "list") return failure(call, ["Invalid action"]);
  const state = await ctx.read();
  return success(call, {
    settings: {
      CorporateIdentity: state.identities,
      Tax: {
        Codes: {
          Sale: Object.fromEntries(state.taxCodes.map((t) => [t.TaxCode, t])),
          Purchase: Object.fromEntries(state.taxCodes.map((t) => [`I${t.TaxCode.slice(1)}`, { ...t, TaxCode: `I${t.TaxCode.slice(1)}` }])),
        },
        Rules: {},
      },
    },
  });
}
