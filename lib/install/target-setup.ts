/** What the installation wizard needs from an accounting system, beyond booking. */
export type Choice = { id: string; name: string };
export type VatCodeChoice = Choice & { rate?: string; scope?: "domestic" | "icp" | "export" | "exempt" | "other" };
export type TargetCatalog = { vatCodes: VatCodeChoice[]; accounts: (Choice & { code?: string })[]; templates: Choice[] };

export interface TargetSetup {
  /** OAuth systems: where the red Connect button sends the merchant. */
  authorizeUrl?(args: { baseUrl: string; state: string; redirectUri: string }): string;
  /** OAuth systems: the callback's code → credentials to seal and store. */
  exchangeCode?(args: { baseUrl: string; code: string; redirectUri: string }): Promise<Record<string, unknown>>;
  listAdministrations(ctx: SetupContext): Promise<Choice[]>;
  catalog(ctx: SetupContext, administrationId: string): Promise<TargetCatalog>;
}

export type SetupContext = {
  baseUrl: string;
  credentials: Record<string, unknown>;
  onCredentials(credentials: Record<string, unknown>): Promise<void>;
};

/** Filled per accounting system (one line each), like connectors/registry.ts. */
export const targetSetups: Record<string, TargetSetup> = {};
