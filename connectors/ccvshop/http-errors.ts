import { retryAfterMs } from "../kit/retry-after";
import { ConnectorError } from "../types";

/** CCV's error body: {"status": 429, "code": "429.10", "developermessage": "…"} (webshop-apis.md §2.9). */
function developerMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { developermessage?: unknown; usermessage?: unknown; code?: unknown };
    const message = typeof parsed.developermessage === "string" ? parsed.developermessage : typeof parsed.usermessage === "string" ? parsed.usermessage : undefined;
    return message && typeof parsed.code === "string" ? `${message} (${parsed.code})` : message;
  } catch {
    return undefined;
  }
}

/** Maps a non-2xx CCV response to the ConnectorError the pipeline understands. */
export function httpError(status: number, body: string, retryAfter: string | null): ConnectorError {
  const detail = { status, body };
  const said = developerMessage(body);
  if (status === 401 || status === 403) {
    return new ConnectorError(
      "unauthorized",
      "CCV Shop refused the API keys. Reinstall the app from the CCV Shop App Store (or enter new API keys), then try again." +
        (said ? ` CCV Shop said: ${said}` : ""),
      false,
      detail,
    );
  }
  if (status === 404) return new ConnectorError("not_found", `CCV Shop has no such resource${said ? `: ${said}` : ""}.`, false, detail);
  if (status === 429) {
    return new ConnectorError("rate_limited", `CCV Shop's API limit was reached${said ? `: ${said}` : ""}; trying again shortly.`, true, {
      ...detail,
      retryAfterMs: retryAfterMs(retryAfter),
    });
  }
  if (status >= 500) return new ConnectorError("unavailable", `CCV Shop answered with an error (HTTP ${status})${said ? `: ${said}` : ""}.`, true, detail);
  return new ConnectorError("rejected", `CCV Shop rejected the request (HTTP ${status})${said ? `: ${said}` : ""}.`, false, detail);
}
