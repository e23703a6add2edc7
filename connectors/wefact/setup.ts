import { ConnectorError } from "../types";
import type { CredentialField, CredentialForm, SetupContext, TargetCatalog, TargetSetup, VatCodeChoice } from "../setup-types";
import { clientFor, createWefactClient } from "./client";
import { outgoingIps } from "./config";
import type { TaxCode } from "./schemas";
import { percentageOf } from "./vat-codes";

/** WeFact has one administration per API key; this is its id in our configuration. */
export const WEFACT_ADMINISTRATION_ID = "wefact";

function apiKeyField(): CredentialField {
  const ips = outgoingIps();
  const whitelist = ips.length
    ? `and add our IP addresses ${ips.join(" and ")} to the whitelist there`
    : "and add our outgoing IP addresses to the whitelist there (ask support for them)";
  return {
    name: "apiKey",
    label: "WeFact API key",
    secret: true,
    placeholder: "32-character key from Instellingen → API",
    help:
      `In WeFact go to Instellingen → API, tick "API inschakelen", ${whitelist}, then copy the generated key here. ` +
      "WeFact only accepts API calls from whitelisted IP addresses; you only need to enter them once (we tell you in time if our servers ever move).",
    nl: {
      label: "WeFact API-sleutel",
      placeholder: "Sleutel van 32 tekens uit Instellingen → API",
      help:
        `Ga in WeFact naar Instellingen → API, vink "API inschakelen" aan, ${ips.length ? `zet daar onze IP-adressen ${ips.join(" en ")} op de whitelist` : "zet daar onze uitgaande IP-adressen op de whitelist (vraag ze op bij support)"} en kopieer de aangemaakte sleutel hierheen. ` +
        "WeFact accepteert alleen API-verzoeken van IP-adressen op de whitelist; je hoeft ze maar één keer in te vullen (verhuizen onze servers ooit, dan laten we het je op tijd weten).",
    },
  };
}

/** A WeFact VAT code as a grid choice: 0% codes suit ICP/International rows, the rest domestic (or OSS) rates. */
function vatChoice(code: TaxCode): VatCodeChoice {
  const rate = percentageOf(code).toFixed();
  return { id: code.TaxCode, name: `${code.Name ?? code.TaxCode} (${code.TaxCode})`, rate, scope: rate === "0" ? "zero" : "domestic" };
}

const credentialForm: CredentialForm = {
  // A getter: the IP addresses come from OUTGOING_IPS when the form is shown.
  get fields() {
    return [apiKeyField()];
  },
  async connect({ baseUrl, values, fetch }) {
    const apiKey = (values.apiKey ?? "").trim();
    if (!apiKey) throw new ConnectorError("config_invalid", "Enter the WeFact API key (Instellingen → API in WeFact).", false);
    // The cheapest authenticated call; it also proves our IP address is whitelisted.
    await createWefactClient({ baseUrl, apiKey, fetch }).settings();
    return { apiKey };
  },
};

/** The wizard side of WeFact: API key, the one administration, VAT codes and invoice layouts. */
export const wefactSetup: TargetSetup = {
  // Beyond the manuals: mark as paid / part payment (payment.ts), off until the merchant switches it on.
  registersPayments: true,
  credentialForm,
  async listAdministrations(ctx: SetupContext) {
    const settings = await clientFor(ctx).settings();
    const identity = settings.CorporateIdentity.find((c) => c.Default === "yes") ?? settings.CorporateIdentity[0];
    const key = String(ctx.credentials.apiKey ?? "");
    return [{ id: WEFACT_ADMINISTRATION_ID, name: `WeFact${identity?.Name ? ` – ${identity.Name}` : ""} (API key …${key.slice(-4)})` }];
  },
  async catalog(ctx: SetupContext): Promise<TargetCatalog> {
    const settings = await clientFor(ctx).settings();
    return {
      vatCodes: (settings.Tax?.Codes?.Sale ?? []).map(vatChoice),
      // WeFact's API has no ledger accounts: revenue accounts are kept in the bookkeeping package it exports to.
      accounts: [],
      templates: settings.CorporateIdentity.map((c) => ({ id: c.LanguageCode, name: `${c.Name ?? c.LanguageCode}${c.Default === "yes" ? " (default)" : ""}` })),
    };
  },
};
