import { freshSequence, type Json } from "../../magento2/sandbox/documents";
import { sandboxCredentials } from "./credentials";

/** System > Web Services > REST - OAuth Consumers: key and secret generated, callback URLs optional. */
export type Consumer = { id: number; name: string; key: string; secret: string; callbackUrl?: string; rejectedCallbackUrl?: string };

/** Mage_Oauth_Model_Token: a request token (authorized by an admin, with a verifier) becomes an access token. */
export type Token = { id: number; consumerId: number; type: "request" | "access"; token: string; secret: string; verifier?: string; callbackUrl: string; authorized: boolean; revoked: boolean };

export type Magento1State = {
  consumers: Consumer[];
  tokens: Token[];
  options: { repeatLastPage: boolean };
  invoices: Json[];
  creditmemos: Json[];
  orders: Json[];
  seq: ReturnType<typeof freshSequence> & { consumer: number; token: number };
};

export function initialState(tenant: string): Magento1State {
  const keys = sandboxCredentials(tenant);
  return {
    consumers: [{ id: 1, name: "Boekkoppeling", key: keys.consumerKey, secret: keys.consumerSecret }],
    tokens: [{ id: 1, consumerId: 1, type: "access", token: keys.accessToken, secret: keys.accessTokenSecret, callbackUrl: "oob", authorized: true, revoked: false }],
    options: { repeatLastPage: true },
    invoices: [],
    creditmemos: [],
    orders: [],
    seq: { ...freshSequence(), consumer: 2, token: 2 },
  };
}

/** Business data goes; consumers, tokens and options stay. */
export function reset(state: Magento1State): Magento1State {
  return { ...state, invoices: [], creditmemos: [], orders: [], seq: { ...freshSequence(), consumer: state.seq.consumer, token: state.seq.token } };
}
