import { exchange, type HttpRequest, type HttpResult, type Peer, type Transport } from "../kit/http-exchange";

export type { HttpRequest, HttpResult, Transport } from "../kit/http-exchange";

const REDACTED = "[REDACTED]";

/**
 * Redacts OAuth secrets by field name, in JSON and in form bodies, so a token response or a
 * token request can be shown on the Errors tab without leaking what it carried.
 */
export function redactOAuthFields(text: string): string {
  return text
    .replace(/"(access_token|refresh_token|client_secret|code)"(\s*:\s*)"[^"]*"/g, `"$1"$2"${REDACTED}"`)
    .replace(/(^|[&?])(access_token|refresh_token|client_secret|code)=[^&\s]*/g, `$1$2=${REDACTED}`);
}

const rompslomp: Peer = { system: "rompslomp", name: "Rompslomp", redact: redactOAuthFields, redirect: "manual" };

/** One HTTP exchange with Rompslomp (connectors/kit/http-exchange.ts), OAuth fields redacted from the log. */
export const send = (t: Transport, req: HttpRequest): Promise<HttpResult> => exchange(t, rompslomp, req);

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
