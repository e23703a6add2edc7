/**
 * A fetch for previews: requests that only read (or open a session) go to the system as usual;
 * the first request that would write anything is NOT sent. It is refused with PREVIEW_STOP, which
 * the connector's own exchange records (redacted, like every call) and turns into an error that
 * ends the connector call. So the preview shows the exact request the real code builds.
 */
export const PREVIEW_STOP = "preview: write request not sent";

/** Reads, by method or by what the request asks for where every call is a POST (WeFact, SOAP, sessions). */
export async function isReadOnlyRequest(request: Request): Promise<boolean> {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD") return true;
  if (method !== "POST") return false;
  const path = new URL(request.url).pathname;
  // Logging in is no booking: e-Boekhouden's session, an OAuth token refresh.
  if (/\/v1\/session$/.test(path) || /\/oauth\/token$/.test(path)) return true;
  const soapAction = request.headers.get("soapaction") ?? "";
  if (soapAction) return /(OpenSession|CloseSession|Get\w*)"?$/.test(soapAction);
  // WeFact: one endpoint, the action in the body (JSON or form-encoded).
  const body = await request.clone().text();
  const action = actionOf(body, request.headers.get("content-type") ?? "");
  return action === "list" || action === "show";
}

function actionOf(body: string, contentType: string): string | undefined {
  if (contentType.includes("json") || body.trimStart().startsWith("{")) {
    try {
      const parsed = JSON.parse(body) as { action?: unknown };
      return typeof parsed.action === "string" ? parsed.action : undefined;
    } catch {
      return undefined;
    }
  }
  return new URLSearchParams(body).get("action") ?? undefined;
}

export function capturingFetch(base: typeof fetch = globalThis.fetch) {
  let stopped = 0;
  const fetchFn: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (await isReadOnlyRequest(request)) return base(request);
    stopped += 1;
    throw new Error(PREVIEW_STOP);
  };
  return {
    fetch: fetchFn,
    /** How many write requests were held back so far (a preview sends none). */
    stopped: () => stopped,
  };
}
