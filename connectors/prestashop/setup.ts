import type { CredentialForm, SourceSetup } from "../setup-types";
import { ConnectorError, type ConnectorContext } from "../types";
import { createPrestaShopClient, shopRoot, type PrestaShopClient } from "./client";
import { prestashopSettingsSchema } from "./config";
import { orderStateSchema, parsePayload } from "./schemas";

/**
 * What the wizard and the Configuration tab need of PrestaShop: the connect form (shop URL and
 * webservice key), a connection test that names exactly what is wrong (webservice off, key
 * refused, which View permissions are missing), and the shop's own order states to choose from.
 */

/** The resources the integration reads, each needing View (GET) on the key. */
export const REQUIRED_RESOURCES = ["orders", "order_details", "order_states", "order_payments", "customers", "addresses", "countries", "products", "taxes"] as const;

/** One cheap read per resource; a webservice that is off or a refused key stops at the first, missing permissions are all named. */
export async function checkAccess(client: PrestaShopClient): Promise<void> {
  const missing: string[] = [];
  for (const resource of REQUIRED_RESOURCES) {
    try {
      await client.get(resource, { limit: 1 });
    } catch (err) {
      if (err instanceof ConnectorError && err.code === "permission_missing") missing.push(resource);
      else throw err;
    }
  }
  if (missing.length) {
    throw new ConnectorError(
      "permission_missing",
      `The webservice key may not read ${missing.join(", ")}. Edit the key under Advanced Parameters > Webservice and tick View (GET) for: ${missing.join(", ")}.`,
      false,
    );
  }
}

export const prestashopCredentialForm: CredentialForm = {
  fields: [
    { name: "shopUrl", label: "Shop URL", placeholder: "https://www.myshop.nl", help: "The address of the shop's front page.",
      nl: { label: "Adres van de webwinkel", placeholder: "https://www.mijnwinkel.nl", help: "Het adres van de voorpagina van de webwinkel." } },
    {
      name: "apiKey",
      label: "Webservice key",
      secret: true,
      help: `Advanced Parameters > Webservice > Add new webservice key. Tick View (GET) for ${REQUIRED_RESOURCES.join(", ")}, and enable the webservice.`,
      nl: {
        label: "Webservicesleutel",
        help: `Geavanceerde parameters > Webservice > Nieuwe webservicesleutel toevoegen. Vink Bekijken (GET) aan voor ${REQUIRED_RESOURCES.join(", ")} en zet de webservice aan.`,
      },
    },
  ],
  async connect({ baseUrl, values, fetch }) {
    const shopUrl = shopRoot(values.shopUrl?.trim() || baseUrl);
    const apiKey = (values.apiKey ?? "").trim();
    if (!apiKey) throw new ConnectorError("unauthorized", "Enter the webservice key.", false);
    if (apiKey.length !== 32) {
      throw new ConnectorError("unauthorized", `A PrestaShop webservice key has 32 characters; this one has ${apiKey.length}. Copy it again from Advanced Parameters > Webservice.`, false);
    }
    const ctx = { baseUrl: shopUrl, credentials: { apiKey }, fetch };
    try {
      await checkAccess(createPrestaShopClient(ctx, { auth: "basic" }));
      return { apiKey, shopUrl, auth: "basic" };
    } catch (err) {
      // The server dropped the Authorization header (PHP as CGI): the same key as ?ws_key= gets through.
      if (!(err instanceof ConnectorError && err.code === "unauthorized" && /did not receive/.test(err.message))) throw err;
    }
    await checkAccess(createPrestaShopClient(ctx, { auth: "ws_key" }));
    return { apiKey, shopUrl, auth: "ws_key" };
  },
};

export type OrderStateChoice = { id: string; name: string; paid: boolean; invoice: boolean; shipped: boolean; delivery: boolean };

/** The shop's order states for the "statuses to process" choice (deleted states left out). */
export async function listOrderStates(ctx: ConnectorContext<unknown>, settings: unknown = {}): Promise<OrderStateChoice[]> {
  const { auth } = prestashopSettingsSchema.parse(settings ?? {});
  const client = createPrestaShopClient(ctx, { auth });
  const states = (await client.listAll("order_states", { sort: "[id_ASC]" })).map((s, i) => parsePayload(orderStateSchema, s, `order state ${i + 1}`));
  return states.filter((s) => !s.deleted).map((s) => ({ id: s.id, name: s.name ?? `State ${s.id}`, paid: s.paid, invoice: s.invoice, shipped: s.shipped, delivery: s.delivery }));
}

/** The manual's default, "Payment accepted" or later, in this shop's own states: those marked paid. */
export const defaultStatuses = (states: OrderStateChoice[]) => states.filter((s) => s.paid).map((s) => s.id);

export const prestashopSourceSetup = {
  credentialForm: prestashopCredentialForm,
  async testConnection(ctx: ConnectorContext, settings?: unknown): Promise<void> {
    const { auth } = prestashopSettingsSchema.parse(settings ?? {});
    await checkAccess(createPrestaShopClient(ctx, { auth }));
  },
  listOrderStates,
  defaultStatuses,
} satisfies SourceSetup & Record<string, unknown>;
