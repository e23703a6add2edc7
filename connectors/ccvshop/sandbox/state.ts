import { sandboxCredentials } from "./credentials";

/** A resource as CCV's JSON has it; internal fields start with "_" and are never served. */
export type Json = Record<string, unknown>;

export type Webhook = { id: number; event: string; address: string; key: string; is_active: boolean; createdate: string };

export type Delivery = { webhookId: number; event: string; address: string; status?: number; error?: string; attempts: number; at: string };

export type AppInstallation = {
  id: number;
  name: string;
  is_installed: boolean;
  handshake_url?: string;
  install_url?: string;
  uninstall_url?: string;
  installed_at?: string;
};

export type CcvState = {
  credentials: { publicKey: string; secretKey: string };
  app: AppInstallation;
  webhooks: Webhook[];
  orders: Json[];
  orderrows: Json[];
  invoices: Json[];
  invoicerows: Json[];
  deliveries: Delivery[];
  seq: { webhook: number; order: number; orderrow: number; invoice: number; invoicerow: number; ordernumber: number; invoicenumber: number };
};

const freshSeq = () => ({ webhook: 1, order: 100001, orderrow: 1, invoice: 500001, invoicerow: 1, ordernumber: 1001, invoicenumber: 1001 });

export function initialState(tenant: string): CcvState {
  return {
    credentials: sandboxCredentials(tenant),
    app: { id: 12970, name: "Boekkoppeling", is_installed: false },
    webhooks: [],
    orders: [],
    orderrows: [],
    invoices: [],
    invoicerows: [],
    deliveries: [],
    seq: freshSeq(),
  };
}

/** Business data goes; credentials, the app installation and webhook registrations stay. */
export function reset(state: CcvState): CcvState {
  return { ...state, orders: [], orderrows: [], invoices: [], invoicerows: [], deliveries: [], seq: { ...freshSeq(), webhook: state.seq.webhook } };
}
