import { money } from "@/lib/domain/money";
import { ConnectorError, type ConnectorContext } from "../types";
import { createSession, type RompslompAuthOptions } from "./session";

/** The wizard's drop-downs: administrations, VAT types, ledger accounts, invoice layouts. */

export type CompanyOption = { id: string; name: string; apiAccessible: boolean };
export type VatTypeOption = { id: string; name: string; friendlyName: string; /** percentage, e.g. "21"; absent for vat_custom */ rate?: string };
export type AccountOption = { id: string; name: string; reference?: string; path?: string; label: string };
export type TemplateOption = { id: string; name: string; isDefault: boolean };
export type AccountSelection = "all" | "ledger" | "payment" | "revenue" | "costs";

export async function listCompanies(ctx: ConnectorContext<unknown>, auth: RompslompAuthOptions = {}): Promise<CompanyOption[]> {
  const companies = await createSession(ctx, auth).authorized((c) => c.listCompanies());
  return companies.map((c) => ({ id: c.id, name: c.name, apiAccessible: c.access_control?.api_accessible !== false }));
}

export async function listVatTypes(ctx: ConnectorContext<unknown>, auth: RompslompAuthOptions, companyId: string): Promise<VatTypeOption[]> {
  const types = await createSession(ctx, auth).authorized((c) => c.listVatTypes(companyId));
  return types.map((t) => ({
    id: t.id,
    name: t.name,
    friendlyName: t.friendly_name,
    ...(t.value !== undefined ? { rate: money(t.value).times(100).toFixed() } : {}),
  }));
}

/** Revenue accounts for the VAT grid (default), payment accounts for the clearing account. */
export async function listAccounts(ctx: ConnectorContext<unknown>, auth: RompslompAuthOptions, companyId: string, selection: AccountSelection = "revenue"): Promise<AccountOption[]> {
  const accounts = await createSession(ctx, auth).authorized((c) => c.listAccounts(companyId, selection));
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    reference: a.reference,
    path: a.path,
    label: [a.reference, a.path_name ?? a.name].filter(Boolean).join(" "),
  }));
}

export async function listTemplates(ctx: ConnectorContext<unknown>, auth: RompslompAuthOptions, companyId: string): Promise<TemplateOption[]> {
  const templates = await createSession(ctx, auth).authorized((c) => c.listTemplates(companyId));
  return templates.map((t) => ({ id: t.id, name: t.name, isDefault: t.is_default }));
}

export type ConnectionTest = { ok: true; companies: CompanyOption[] } | { ok: false; code: string; message: string; retryable: boolean };

/**
 * The connection dot: green when the tokens work and, if an administration is chosen, it is
 * reachable through the API (not on the free plan, which has no API access).
 */
export async function testConnection(ctx: ConnectorContext<unknown>, auth: RompslompAuthOptions = {}, companyId?: string): Promise<ConnectionTest> {
  try {
    const session = createSession(ctx, auth);
    const companies = (await session.authorized((c) => c.listCompanies())).map((c) => ({ id: c.id, name: c.name, apiAccessible: c.access_control?.api_accessible !== false }));
    if (companyId) {
      const company = companies.find((c) => c.id === companyId);
      if (!company) return { ok: false, code: "company_not_found", message: "The chosen Rompslomp administration is not available to this login. Choose the administration again.", retryable: false };
      if (!company.apiAccessible) return { ok: false, code: "access_denied", message: "This Rompslomp administration has no API access (the free \"Gratis\" plan). Upgrade the plan to use the integration.", retryable: false };
      await session.authorized((c) => c.listVatTypes(companyId));
    }
    return { ok: true, companies };
  } catch (err) {
    if (err instanceof ConnectorError) return { ok: false, code: err.code, message: err.message, retryable: err.retryable };
    throw err;
  }
}
