import type { CredentialForm, SourceSetup } from "../setup-types";
import type { ConnectorContext } from "../types";
import { ConnectorError } from "../types";
import { magento2CredentialsSchema } from "./config";
import { createMagento2Source } from "./index";

/**
 * The 2.4.4+ path of the manual: an integration without callback shows its four keys on activation;
 * the merchant pastes them here with the store address. Connect checks them with one signed read.
 * The returned `storeBaseUrl` is the connection's baseUrl (the wizard stores it there).
 */
export const magento2CredentialForm: CredentialForm = {
  fields: [
    { name: "storeUrl", label: "Webshop address", placeholder: "https://www.jouwwebwinkel.nl", help: "The store's base URL, as in Stores > Configuration > General > Web.",
      nl: { label: "Adres van de webwinkel", help: "De basis-URL van de winkel, zoals bij Stores > Configuration > General > Web." } },
    { name: "consumerKey", label: "Consumer key", help: "System > Extensions > Integrations > (your integration) > Integration Details.",
      nl: { label: "Consumer key", help: "System > Extensions > Integrations > (je integratie) > Integration Details." } },
    { name: "consumerSecret", label: "Consumer secret", secret: true, nl: { label: "Consumer secret" } },
    { name: "accessToken", label: "Access token", secret: true, nl: { label: "Access token" } },
    { name: "accessTokenSecret", label: "Access token secret", secret: true, nl: { label: "Access token secret" } },
  ],
  async connect({ baseUrl, values, fetch }) {
    const storeBaseUrl = normalizeStoreUrl(values.storeUrl?.trim() || baseUrl);
    const parsed = magento2CredentialsSchema.safeParse(values);
    if (!parsed.success) throw new ConnectorError("invalid_credentials", `Fill in every key: ${parsed.error.issues[0]?.message ?? "one is missing"}.`, false);
    await createMagento2Source({ baseUrl: storeBaseUrl, credentials: parsed.data, fetch }, {}).testConnection();
    return { ...parsed.data, storeBaseUrl };
  },
};

export function normalizeStoreUrl(value: string): string {
  const text = value.trim();
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConnectorError("invalid_credentials", `"${value}" is not a webshop address.`, false);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export const magento2SourceSetup: SourceSetup = {
  credentialForm: magento2CredentialForm,
  async testConnection(ctx: ConnectorContext, settings?: unknown): Promise<void> {
    await createMagento2Source(ctx, settings ?? {}).testConnection();
  },
};
