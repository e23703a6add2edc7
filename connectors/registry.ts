import { ccvshopSourceFactory } from "./ccvshop";
import { ccvshopSourceSetup } from "./ccvshop/setup";
import { ccvDeliveryIdentity, receiveCcvWebhook } from "./ccvshop/webhook";
import { prestashopSourceFactory } from "./prestashop";
import { prestashopSourceSetup } from "./prestashop/setup";
import { createFactuursturenTarget, factuursturenSetup } from "./factuursturen";
import { kmoshopsSourceFactory } from "./kmoshops";
import { kmoshopsSourceSetup } from "./kmoshops/setup";
import { kmoDeliveryIdentity, receiveKmoWebhook } from "./kmoshops/webhook";
import { magento1SourceFactory } from "./magento1";
import { magento1SourceSetup } from "./magento1/setup";
import { magento2SourceFactory } from "./magento2";
import { magento2SourceSetup } from "./magento2/setup";
import { createEboekhoudenTarget } from "./eboekhouden";
import { eboekhoudenSetup } from "./eboekhouden/setup";
import { createRompslompTarget } from "./rompslomp";
import { rompslompOAuthApp } from "./rompslomp/oauth-app";
import { rompslompSetup } from "./rompslomp/setup";
import type { SourceSetup, TargetSetup, WebhookDeliveryIdentity, WebhookReceiver } from "./setup-types";
import { createWefactTarget, wefactSetup } from "./wefact";
import { ConnectorError, type ConnectorContext, type SourceConnector, type SourceSystem, type TargetConnector, type TargetSystem } from "./types";

export type SourceFactory = (ctx: ConnectorContext, settings: unknown) => SourceConnector;
export type TargetFactory = (
  ctx: ConnectorContext,
  settings: unknown,
  hooks: { onCredentials(credentials: Record<string, unknown>): Promise<void> },
) => TargetConnector;

/** id → what each system offers. Adding a system = one folder + its lines here. */
export const sourceFactories: Partial<Record<SourceSystem, SourceFactory>> = {
  ccvshop: ccvshopSourceFactory,
  prestashop: prestashopSourceFactory,
  kmoshops: kmoshopsSourceFactory,
  magento2: magento2SourceFactory,
  magento1: magento1SourceFactory,
};
export const targetFactories: Partial<Record<TargetSystem, TargetFactory>> = {
  rompslomp: (ctx, settings, hooks) => createRompslompTarget(ctx, settings, { oauthApp: rompslompOAuthApp(ctx.baseUrl), onCredentials: hooks.onCredentials }),
  factuursturen: (ctx, settings) => createFactuursturenTarget(ctx, settings),
  wefact: (ctx, settings) => createWefactTarget(ctx, settings),
  eboekhouden: (ctx, settings) => createEboekhoudenTarget(ctx, settings),
};
export const sourceSetups: Partial<Record<SourceSystem, SourceSetup>> = {
  // CCV returns each webhook's key: kept in the credentials to verify deliveries by x-hash.
  ccvshop: { ...ccvshopSourceSetup, registerWebhooks: async (ctx, url, s) => ({ webhooks: await ccvshopSourceSetup.registerWebhooks(ctx, url, s) }) },
  prestashop: prestashopSourceSetup,
  kmoshops: kmoshopsSourceSetup,
  magento2: magento2SourceSetup,
  magento1: magento1SourceSetup,
};
export const targetSetups: Partial<Record<TargetSystem, TargetSetup>> = {
  rompslomp: rompslompSetup(rompslompOAuthApp),
  factuursturen: factuursturenSetup,
  wefact: wefactSetup,
  eboekhouden: eboekhoudenSetup,
};
/** Shops fetched on a schedule (their connectors implement pollChanges); KMO Shops as the backstop of its webhooks. */
export const pollingSources = new Set<SourceSystem>(["magento2", "magento1", "prestashop", "kmoshops"]);
export const webhookReceivers: Partial<Record<SourceSystem, WebhookReceiver>> = { ccvshop: receiveCcvWebhook, kmoshops: receiveKmoWebhook };
/** How a verified delivery is recognised when replayed (and, when the shop signs one, its timestamp). */
export const webhookDeliveryIdentities: Partial<Record<SourceSystem, WebhookDeliveryIdentity>> = { ccvshop: ccvDeliveryIdentity, kmoshops: kmoDeliveryIdentity };

export function sourceFactory(system: string): SourceFactory {
  const factory = sourceFactories[system as SourceSystem];
  if (!factory) throw new ConnectorError("system_not_supported", `Webshop system "${system}" is not supported in this version.`, false);
  return factory;
}

export function targetFactory(system: string): TargetFactory {
  const factory = targetFactories[system as TargetSystem];
  if (!factory) throw new ConnectorError("system_not_supported", `Accounting system "${system}" is not supported in this version.`, false);
  return factory;
}
