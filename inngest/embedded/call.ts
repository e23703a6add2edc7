import { parseRetryAfter } from "./backoff";
import { request, type HttpResponse } from "./http";
import { opsSchema, streamedResponseSchema, type Op } from "./schemas";
import { canonicalJson, signature } from "./signing";

/** What one call request to the SDK came back with (protocol brief §4). */
export type CallResult =
  | { kind: "complete"; data: unknown }
  | { kind: "ops"; ops: Op[]; retryAfterMs?: number }
  | { kind: "error"; retriable: boolean; error: SerializedError; retryAfterMs?: number };

export type SerializedError = { name: string; message: string; stack?: string; [k: string]: unknown };

export type CallBody = {
  event: unknown;
  events: unknown[];
  steps: Record<string, unknown>;
  version: 2;
  ctx: {
    run_id: string;
    attempt: number;
    max_attempts: number;
    disable_immediate_execution: boolean;
    use_api: false;
    stack: { stack: string[]; current: number };
    fn_id?: string;
    qi_id?: string;
  };
};

export async function callFunction(
  runtimeUrl: string,
  stepId: string,
  body: CallBody,
  opts: { timeoutMs: number; now: () => number; signingKey?: string },
): Promise<CallResult> {
  const url = new URL(runtimeUrl);
  url.searchParams.set("stepId", stepId);
  // Signed, the body must be the canonical form the SDK re-serializes and verifies.
  const text = opts.signingKey ? canonicalJson(body) : JSON.stringify(body);
  let res: HttpResponse;
  try {
    res = await request("POST", url.toString(), text, {
      "content-type": "application/json",
      "x-inngest-step-id": stepId,
      "x-run-id": body.ctx.run_id,
      ...(opts.signingKey ? { "x-inngest-signature": signature(text, opts.signingKey, opts.now()) } : {}),
    }, opts.timeoutMs);
  } catch (err) {
    return { kind: "error", retriable: true, error: { name: "Error", message: `Could not reach the app: ${(err as Error).message}` } };
  }
  return interpret(res.status, res.headers, res.body, opts.now());
}

export function interpret(status: number, headers: Record<string, string | string[] | undefined>, text: string, now: number): CallResult {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (status === 201) {
    // Streaming: keep-alive spaces, then {status, headers, body} (brief §7.3).
    const inner = streamedResponseSchema.safeParse(safeJson(text.trim()));
    if (!inner.success) return { kind: "error", retriable: true, error: { name: "Error", message: "Malformed streamed response from the SDK" } };
    const lower = Object.fromEntries(Object.entries(inner.data.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return interpret(inner.data.status, lower, inner.data.body, now);
  }
  const retryAfterMs = parseRetryAfter(header("retry-after"), now);
  if (status === 200) return { kind: "complete", data: text.trim() === "" ? null : safeJson(text) ?? null };
  if (status === 206) {
    const ops = opsSchema.safeParse(safeJson(text));
    if (ops.success) return { kind: "ops", ops: ops.data, retryAfterMs };
    return { kind: "error", retriable: true, error: { name: "Error", message: `Malformed ops from the SDK: ${text.slice(0, 300)}` } };
  }
  const noRetry = header("x-inngest-no-retry");
  // With the header the SDK decides; without it a 4xx is not worth repeating (except 408/429).
  const retriable = noRetry !== undefined ? noRetry !== "true" : !(status >= 400 && status < 500) || status === 408 || status === 429;
  return { kind: "error", retriable, error: toError(safeJson(text), `HTTP ${status} ${text.slice(0, 500)}`), retryAfterMs };
}

/** Any serialized error the SDK sends, normalized to at least {name, message}. */
export function toError(value: unknown, fallback: string): SerializedError {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const message = typeof v.message === "string" ? v.message : typeof v.error === "string" ? v.error : fallback;
    return { ...v, name: typeof v.name === "string" ? v.name : "Error", message };
  }
  return { name: "Error", message: typeof value === "string" ? value : fallback };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
