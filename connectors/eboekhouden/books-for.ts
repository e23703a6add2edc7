import { ConnectorError, type ConnectorContext } from "../types";
import type { Books } from "./books";
import { eboekhoudenCredentialsSchema, endpoints, type EboekhoudenCredentials } from "./config";
import { restBooks } from "./rest-books";
import { soapBooks } from "./soap-books";

export function parseCredentials(value: unknown): EboekhoudenCredentials {
  const parsed = eboekhoudenCredentialsSchema.safeParse(value);
  if (!parsed.success) throw new ConnectorError("not_connected", "e-Boekhouden is not connected. Click Connect in the Configuration tab and enter the API token (or the username and security codes).", false);
  return parsed.data;
}

/** The administration behind a connection: REST for an API token, SOAP for username + security codes. */
export function booksFor(ctx: Pick<ConnectorContext<unknown>, "baseUrl" | "credentials" | "fetch" | "onCall" | "timeoutMs">): Books {
  const credentials = parseCredentials(ctx.credentials);
  const transport = { fetch: ctx.fetch, onCall: ctx.onCall, timeoutMs: ctx.timeoutMs };
  const { rest, soap } = endpoints(ctx.baseUrl);
  return credentials.mode === "token"
    ? restBooks({ ...transport, base: rest, apiToken: credentials.apiToken })
    : soapBooks({ ...transport, endpoint: soap, credentials });
}
