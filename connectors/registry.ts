import { ccvshopSourceFactory } from "./ccvshop";
import { ccvshopSourceSetup } from "./ccvshop/setup";
import { receiveCcvWebhook } from "./ccvshop/webhook";
import { createEboekhoudenTarget } from "./eboekhouden";
import { eboekhoudenSetup } from "./eboekhouden/setup";
import { createRompslompTarget } from "./rompslomp";
import { rompslompOAuthApp } from "./rompslomp/oauth-app";
import { rompslompSetup } from "./rompslomp/setup";
import type { SourceSetup, TargetSetup, WebhookReceiver } from "./setup-types";
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
};
export const targetFactories: Partial<Record<TargetSystem, TargetFactory>> = {
  rompslomp: (ctx, settings, hooks) => createRompslompTarget(ctx, settings, { oauthApp: rompslompOAuthApp(ctx.baseUrl), onCredentials: hooks.onCredentials }),
  eboekhouden: (ctx, settings) => createEboekhoudenTarget(ctx, settings),
};
export const sourceSetups: Partial<Record<SourceSystem, SourceSetup>> = {
  // CCV returns each webhook's key: kept in the credentials to verify deliveries by x-hash.
  ccvshop: { ...ccvshopSourceSetup, registerWebhooks: async (ctx, url, s) => ({ webhooks: await ccvshopSourceSetup.registerWebhooks(ctx, url, s) }) },
};
export const targetSetups: Partial<Record<TargetSystem, TargetSetup>> = { rompslomp: rompslompSetup(rompslompOAuthApp), eboekhouden: eboekhoudenSetup };
export const webhookReceivers: Partial<Record<SourceSystem, WebhookReceiver>> = { ccvshop: receiveCcvWebhook };

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
