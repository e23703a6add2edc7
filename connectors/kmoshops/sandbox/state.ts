import { sandboxCredentials } from "./credentials";

/** A resource as KMO's JSON has it. */
export type Json = Record<string, unknown>;

export type Webhook = { id: number; topic: string; address: string; created_at: string };
export type Delivery = { webhookId: number; topic: string; address: string; status?: number; error?: string; attempts: number; at: string };

export type KmoState = {
  credentials: { shopId: string; apiKey: string; webhookSecret: string };
  shop: { name: string; country: string; currency: string };
  /** The app store's view of our app: removing it revokes the API key until it is installed again. */
  app: { installed: boolean; installedAt?: string; uninstallUrl?: string };
  webhooks: Webhook[];
  orders: Json[];
  refunds: Json[];
  deliveries: Delivery[];
  seq: { order: number; orderNumber: number; line: number; refund: number; webhook: number };
};

const freshSeq = () => ({ order: 100001, orderNumber: 1001, line: 1, refund: 9001, webhook: 1 });

export function initialState(tenant: string): KmoState {
  return {
    credentials: sandboxCredentials(tenant),
    shop: { name: `Sandbox shop ${tenant}`, country: "BE", currency: "EUR" },
    app: { installed: true },
    webhooks: [],
    orders: [],
    refunds: [],
    deliveries: [],
    seq: freshSeq(),
  };
}

/** Business data goes; credentials, the app installation and webhook registrations stay. */
export function reset(state: KmoState): KmoState {
  return { ...state, orders: [], refunds: [], deliveries: [], seq: { ...freshSeq(), webhook: state.seq.webhook } };
}
