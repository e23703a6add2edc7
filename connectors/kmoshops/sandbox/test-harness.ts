import { inProcessSandboxFetch } from "../../sandbox/in-process-fetch";

/**
 * Test plumbing: the sandbox served in-process (the same requests the app's /sandbox route would
 * get), and a local HTTP server standing in for the app (webhook receiver, app-store routes;
 * connectors/sandbox/kit/test-server.ts).
 */
export const APP_ORIGIN = "http://app.test";
export const baseUrlOf = (tenant: string, origin = APP_ORIGIN) => `${origin}/sandbox/kmoshops/${tenant}`;

export const callSandbox = (tenant: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  inProcessSandboxFetch(`${baseUrlOf(tenant)}/${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export const postDocument = async (tenant: string, kind: "order" | "creditnote", payload: Record<string, unknown>) => {
  const res = await callSandbox(tenant, "POST", "_admin/documents", { kind, payload });
  if (res.status !== 201) throw new Error(`POST _admin/documents answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
};

export const loggedRequests = async (tenant: string) => (await (await callSandbox(tenant, "GET", "_admin/requests")).json()) as { method: string; path: string; status: number }[];

export { headersOf, startServer, type Received } from "../../sandbox/kit/test-server";
