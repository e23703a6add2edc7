import { sandboxApiKey } from "./credentials";
import { seedCountries, seedCurrencies, seedOrderStates, seedTaxes, type Json } from "./seed";

export type { Json };

/** Every resource the sandbox serves, as the webservice names them. */
export const RESOURCES = [
  "orders", "order_details", "order_states", "order_payments", "customers", "addresses", "countries", "products", "taxes", "currencies", "categories",
] as const;
export type Resource = (typeof RESOURCES)[number];

/** A webservice key: resource → allowed HTTP methods (the back office's View/Add/Modify/Delete/Fast view). */
export type WebserviceKey = { key: string; active: boolean; permissions: Record<string, string[]> };

export type PsState = {
  /**
   * PS_WEBSERVICE ("Enable PrestaShop's webservice"), and whether the web server drops the
   * Authorization header before PHP sees it (PHP as CGI without CGIPassAuth), so only ?ws_key= works.
   */
  webservice: { enabled: boolean; dropsAuthorizationHeader?: boolean };
  keys: WebserviceKey[];
  /** Stored records; presented with PrestaShop's full field list (present.ts). Internal fields start with "_". */
  data: Record<Resource, Json[]>;
  seq: { order: number; order_detail: number; customer: number; address: number; order_payment: number; product: number; tax: number; invoice: number; cart: number };
};

/** The key the manual asks for: View (GET, HEAD) on what the integration reads. */
export const readPermissions = (): Record<string, string[]> =>
  Object.fromEntries(RESOURCES.map((r) => [r, ["GET", "HEAD"]]));

const businessData = () => ({ orders: [], order_details: [], order_payments: [], customers: [], addresses: [], products: [], categories: [] });
const freshSeq = () => ({ order: 1, order_detail: 1, customer: 1, address: 1, order_payment: 1, product: 1, tax: 4, invoice: 1, cart: 1 });

export function initialState(tenant: string): PsState {
  return {
    webservice: { enabled: true },
    keys: [{ key: sandboxApiKey(tenant), active: true, permissions: readPermissions() }],
    data: { ...businessData(), order_states: seedOrderStates(), countries: seedCountries(), taxes: seedTaxes(), currencies: seedCurrencies() },
    seq: freshSeq(),
  };
}

/** `_admin/reset`: orders, customers, addresses, payments and products go; the key, its permissions and the webservice switch stay. */
export function reset(state: PsState): PsState {
  return { ...state, data: { ...state.data, ...businessData(), taxes: seedTaxes() }, seq: freshSeq() };
}
