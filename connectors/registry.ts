import { ConnectorError, type ConnectorContext, type SourceConnector, type SourceSystem, type TargetConnector, type TargetSystem } from "./types";

export type SourceFactory = (ctx: ConnectorContext, settings: unknown) => SourceConnector;
export type TargetFactory = (
  ctx: ConnectorContext,
  settings: unknown,
  hooks: { onCredentials(credentials: Record<string, unknown>): Promise<void> },
) => TargetConnector;

/** id → factory. Adding a system = one folder + one line here. */
export const sourceFactories: Partial<Record<SourceSystem, SourceFactory>> = {};
export const targetFactories: Partial<Record<TargetSystem, TargetFactory>> = {};

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
