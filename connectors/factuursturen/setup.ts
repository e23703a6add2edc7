import { money } from "@/lib/domain/money";
import type { CredentialForm, SetupContext, TargetCatalog, TargetSetup } from "../setup-types";
import { createFactuursturenClient, credentialsOf } from "./client";
import { factuursturenCredentialsSchema } from "./config";
import { ConnectorError } from "../types";

const clientFor = (ctx: SetupContext) => createFactuursturenClient({ baseUrl: ctx.baseUrl, credentials: ctx.credentials, fetch: ctx.fetch });

/** The popup behind the red Connect button (manual chapter 4, "Authentication Factuursturen"). */
export const factuursturenCredentialForm: CredentialForm = {
  fields: [
    { name: "username", label: "Username", help: "The username you log in to Factuursturen with.", placeholder: "name@company.nl",
      nl: { label: "Gebruikersnaam", help: "De gebruikersnaam waarmee je inlogt bij Factuursturen.", placeholder: "naam@bedrijf.nl" } },
    { name: "apiKey", label: "API key", secret: true, help: "In Factuursturen: Settings > Connections. Create an API key, set it to Active and give it a description.",
      nl: { label: "API-sleutel", help: "In Factuursturen: Instellingen > Koppelingen. Maak een API-sleutel aan, zet hem op Actief en geef hem een omschrijving." } },
  ],
  async connect({ baseUrl, values, fetch }) {
    const parsed = factuursturenCredentialsSchema.safeParse(values);
    if (!parsed.success) throw new ConnectorError("invalid_input", `Enter the Factuursturen ${parsed.error.issues[0]?.path[0] === "apiKey" ? "API key" : "username"}.`, false);
    // One cheap authenticated call: a wrong username or key is refused here, not at the first order.
    await createFactuursturenClient({ baseUrl, credentials: parsed.data, fetch }).listProfiles();
    return parsed.data;
  },
};

/**
 * The wizard side of Factuursturen: username + API key, the one administration of that login,
 * invoice layouts from /profiles. No VAT grid: "the VAT percentages are used as they appear in
 * the orders"; the account's rates (/taxes) are listed for information only.
 */
export const factuursturenSetup: TargetSetup = {
  // Beyond the manuals: invoices_payment (payment.ts), off until the merchant switches it on.
  registersPayments: true,
  credentialForm: factuursturenCredentialForm,
  usesVatGrid: false,
  async listAdministrations(ctx) {
    const { username } = credentialsOf(ctx.credentials);
    return [{ id: username, name: `Factuursturen (${username})` }];
  },
  async catalog(ctx): Promise<TargetCatalog> {
    const client = clientFor(ctx);
    const [profiles, taxes] = await Promise.all([client.listProfiles(), client.listTaxes()]);
    const layouts = [...profiles].sort((a, b) => Number(b.default) - Number(a.default));
    return {
      vatCodes: taxes.map((t) => {
        const rate = money(t.percentage, "VAT percentage").toFixed();
        return { id: rate, name: `${rate}%`, rate, scope: rate === "0" ? ("zero" as const) : ("domestic" as const) };
      }),
      accounts: [],
      templates: layouts.map((p) => ({ id: p.id, name: p.default ? `${p.name} (default)` : p.name })),
    };
  },
};
