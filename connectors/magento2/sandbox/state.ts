import { sandboxCredentials } from "./credentials";
import { freshSequence, type Json } from "./documents";

export type { Json };


/**
 * One integration of System > Extensions > Integrations: its OAuth consumer and the token Magento
 * keeps for it, which moves verifier → request → access during activation.
 */
export type Integration = {
  id: number;
  name: string;
  callbackUrl?: string;
  identityLinkUrl?: string;
  consumerKey: string;
  consumerSecret: string;
  status: "inactive" | "active";
  /** When Activate posted the keys (the consumer key may be exchanged until this + expiry). */
  activatedAt?: string;
  token?: { type: "verifier" | "request" | "access"; token: string; secret: string; verifier: string; revoked?: boolean };
};

export type Options = {
  /** Stores > Configuration > Services > OAuth > Consumer Key Expiration Period (seconds). */
  consumerKeyExpirySeconds: number;
  /** "Allow OAuth Access Tokens to be used as standalone Bearer tokens" (off by default since 2.4.4). */
  bearerTokens: boolean;
  /** Magento before 2.4 answers a page past the end with the last page again. */
  repeatLastPage: boolean;
};

export type Magento2State = {
  integrations: Integration[];
  options: Options;
  invoices: Json[];
  creditmemos: Json[];
  orders: Json[];
  /** entity: one id sequence for orders, invoices and credit memos, so `_admin/documents/<id>` is unambiguous. */
  seq: { integration: number; entity: number; item: number; invoiceNumber: number; creditmemoNumber: number; orderNumber: number };
};

export const defaultOptions = (): Options => ({ consumerKeyExpirySeconds: 300, bearerTokens: false, repeatLastPage: true });

export function initialState(tenant: string): Magento2State {
  const keys = sandboxCredentials(tenant);
  return {
    integrations: [{
      id: 1,
      name: "Boekkoppeling",
      consumerKey: keys.consumerKey,
      consumerSecret: keys.consumerSecret,
      status: "active",
      activatedAt: new Date(0).toISOString(),
      token: { type: "access", token: keys.accessToken, secret: keys.accessTokenSecret, verifier: "" },
    }],
    options: defaultOptions(),
    invoices: [],
    creditmemos: [],
    orders: [],
    seq: { integration: 2, ...freshSequence() },
  };
}

/** Business data goes; integrations (credentials, grants) and options stay. */
export function reset(state: Magento2State): Magento2State {
  return { ...state, invoices: [], creditmemos: [], orders: [], seq: { ...freshSequence(), integration: state.seq.integration } };
}

/** Stored resources → Magento's JSON: internal "_" fields dropped. */
export const visible = (resource: Json): Json => Object.fromEntries(Object.entries(resource).filter(([k]) => !k.startsWith("_")));
