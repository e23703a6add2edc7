import type { SourceSetup } from "../setup-types";
import type { ConnectorContext } from "../types";
import { createMagento1Source } from "./index";

/**
 * What the wizard needs of Magento 1.9 beyond oauth.ts (the Connect button's three legs):
 * a connection test with the stored access token.
 */
export const magento1SourceSetup: SourceSetup = {
  async testConnection(ctx: ConnectorContext, settings?: unknown): Promise<void> {
    await createMagento1Source(ctx, settings ?? {}).testConnection();
  },
};
