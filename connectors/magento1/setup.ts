import type { CredentialForm, SourceSetup } from "../setup-types";
import type { ConnectorContext } from "../types";
import { ConnectorError } from "../types";
import { magento1ConsumerSchema } from "./config";
import { createMagento1Source } from "./index";
import { initiate } from "./oauth";
import { shopUrls } from "./urls";

/**
 * What the wizard needs of Magento 1.9 beyond oauth.ts (the Connect button's three legs): the
 * form of manual chapter 5 (admin URL + the REST consumer's key and secret) and a connection test
 * with the stored access token.
 *
 * The form comes first; the yellow Connect button then runs the 3-legged flow with what it saved.
 * `connect` checks the key and secret with one signed call that changes nothing in the shop
 * (a request token for "oob" that is never authorized), so a typo shows at the form, not at
 * Magento's authorize page. It returns the entered values (no access token yet) and `storeBaseUrl`,
 * the connection's baseUrl.
 */
export const magento1CredentialForm: CredentialForm = {
  fields: [
    { name: "adminUrl", label: "Admin URL", placeholder: "https://www.jouwwebwinkel.nl/admin", help: "The address you log in to the Magento admin with.",
      nl: { label: "Beheer-URL", help: "Het adres waarmee je inlogt in de beheeromgeving van Magento." } },
    { name: "consumerKey", label: "Consumer key", help: "System > Web Services > REST - OAuth Consumers > (the consumer for this integration).",
      nl: { label: "Consumer key", help: "System > Web Services > REST - OAuth Consumers > (de consumer voor deze koppeling)." } },
    { name: "consumerSecret", label: "Consumer secret", secret: true, nl: { label: "Consumer secret" } },
  ],
  async connect({ baseUrl, values, fetch }) {
    const adminUrl = (values.adminUrl ?? "").trim() || (baseUrl ? `${baseUrl.replace(/\/+$/, "")}/admin` : "");
    if (!adminUrl) throw new ConnectorError("invalid_credentials", "Enter the admin URL of the webshop.", false);
    const { storeBaseUrl } = shopUrls(adminUrl);
    const parsed = magento1ConsumerSchema.safeParse(values);
    if (!parsed.success) throw new ConnectorError("invalid_credentials", `Fill in the consumer key and secret: ${parsed.error.issues[0]?.message ?? "one is missing"}.`, false);
    await initiate({ adminUrl, ...parsed.data, callbackUrl: "oob", fetch });
    return { adminUrl, ...parsed.data, storeBaseUrl };
  },
};

export const magento1SourceSetup: SourceSetup = {
  credentialForm: magento1CredentialForm,
  async testConnection(ctx: ConnectorContext, settings?: unknown): Promise<void> {
    await createMagento1Source(ctx, settings ?? {}).testConnection();
  },
};
