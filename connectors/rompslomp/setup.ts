import type { SetupContext, TargetCatalog, TargetSetup, VatCodeChoice } from "../setup-types";
import type { OAuthApp } from "./config";
import { authorizeUrl, exchangeCode } from "./oauth";
import { listAccounts, listCompanies, listTemplates, listVatTypes } from "./wizard";

/** Which grid rows a Rompslomp VAT type suits: the wizard pre-selects by it. */
const scopes: Record<string, VatCodeChoice["scope"]> = {
  vat_high: "domestic", vat_low_new: "domestic", vat_low: "domestic",
  vat_reverse_charged: "reverse-charge", vat_zero: "zero", vat_none: "exempt", vat_custom: "other",
};

/** The wizard side of Rompslomp: OAuth consent, administrations, VAT types, accounts, layouts. */
export function rompslompSetup(appFor: (baseUrl: string) => OAuthApp): TargetSetup {
  const auth = (ctx: SetupContext) => ({ oauthApp: appFor(ctx.baseUrl), onCredentials: ctx.onCredentials });
  const connector = (ctx: SetupContext) => ({ baseUrl: ctx.baseUrl, credentials: ctx.credentials, fetch: ctx.fetch });
  return {
    registersPayments: true,
    paymentAccounts: true,
    authorizeUrl: ({ baseUrl, state, redirectUri }) => authorizeUrl({ baseUrl, clientId: appFor(baseUrl).clientId, redirectUri, state }),
    exchangeCode: ({ baseUrl, code, redirectUri }) => exchangeCode({ baseUrl, app: appFor(baseUrl) }, { code, redirectUri }),
    async listAdministrations(ctx) {
      return (await listCompanies(connector(ctx), auth(ctx))).map((c) => ({ id: c.id, name: c.name }));
    },
    async catalog(ctx, companyId): Promise<TargetCatalog> {
      const [vatTypes, accounts, templates] = await Promise.all([
        listVatTypes(connector(ctx), auth(ctx), companyId),
        listAccounts(connector(ctx), auth(ctx), companyId, "revenue"),
        listTemplates(connector(ctx), auth(ctx), companyId),
      ]);
      return {
        vatCodes: vatTypes.map((v) => ({ id: v.id, name: v.friendlyName ? `${v.friendlyName}${v.rate ? ` (${v.rate}%)` : ""}` : v.name, rate: v.rate, scope: scopes[v.name] ?? "other" })),
        accounts: accounts.map((a) => ({ id: a.id, name: a.name, code: a.reference })),
        templates: templates.map((t) => ({ id: t.id, name: t.name })),
      };
    },
  };
}
