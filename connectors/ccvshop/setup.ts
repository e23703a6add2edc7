import type { ConnectorContext } from "../types";
import { createCcvClient } from "./client";
import { ccvCredentialsSchema, ccvSettingsSchema } from "./config";
import { createCcvShopSource } from "./index";
import { registerWebhooks, unregisterWebhooks, webhookAddress, webhookEvents, type WebhookRegistration } from "./webhook";

/**
 * What the installation wizard needs of CCV Shop (lib/install/source-setup.ts's SourceSetup):
 * a connection test and the webhook registration. `settings` is optional because SourceSetup does
 * not pass them yet; without a document trigger both order and invoice events are registered.
 */
export const ccvshopSourceSetup = {
  async testConnection(ctx: ConnectorContext<unknown>, settings?: unknown): Promise<void> {
    await createCcvShopSource(ctx, settings ?? {}).testConnection();
  },
  async registerWebhooks(ctx: ConnectorContext<unknown>, callbackUrl: string, settings?: unknown): Promise<WebhookRegistration[]> {
    const trigger = settings === undefined ? undefined : ccvSettingsSchema.parse(settings).documentTrigger;
    const client = createCcvClient(ctx); // throws ConnectorError("unauthorized") without keys
    return registerWebhooks(client, webhookAddress(callbackUrl, ccvCredentialsSchema.parse(ctx.credentials)), webhookEvents(trigger));
  },
  async unregisterWebhooks(ctx: ConnectorContext<unknown>, callbackUrl: string): Promise<number> {
    return unregisterWebhooks(createCcvClient(ctx), callbackUrl);
  },
};
