import type { SourceSetup } from "../setup-types";
import { createKmoClient } from "./client";
import { registerWebhooks, unregisterWebhooks } from "./webhook";

/**
 * What the installation wizard needs of KMO Shops. The shop is connected by the app-store install
 * (install.ts), so there is no credential form; the connection test reads the shop behind the key,
 * and the webhooks (order created / changed) are registered at the integration's address. The
 * webhook secret came with the install, so nothing new needs storing.
 */
export const kmoshopsSourceSetup: SourceSetup = {
  async testConnection(ctx) {
    await createKmoClient(ctx).getShop();
  },
  async registerWebhooks(ctx, callbackUrl) {
    await registerWebhooks(createKmoClient(ctx), callbackUrl);
  },
  async unregisterWebhooks(ctx, callbackUrl) {
    return unregisterWebhooks(createKmoClient(ctx), callbackUrl);
  },
};
