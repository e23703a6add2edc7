import type { Endpoints } from "./server";

/**
 * What the app's Inngest client sends to the embedded executor running in its own process skips
 * the loopback socket: the client's fetch hands a POST to `<executor>/…` (events, checkpoints of the
 * steps the SDK runs inline, registration) straight to the executor's endpoints, which answer
 * exactly as over HTTP. That spares a webhook's acknowledgement, and each step of a run, two trips
 * through a busy event loop. Anything else, or an executor in another process, goes over the
 * network as before.
 */

// Shared through globalThis: Next.js loads the executor and the client in different bundles.
const g = globalThis as { __embeddedExecutors?: Map<string, Endpoints> };
const executors = (g.__embeddedExecutors ??= new Map());

/** The executor listening at `baseUrl` takes this process's calls directly; returns the undo. */
export function acceptLocalCalls(baseUrl: string, post: Endpoints): () => void {
  const key = new URL(baseUrl).origin;
  executors.set(key, post);
  return () => {
    if (executors.get(key) === post) executors.delete(key);
  };
}

/** The Inngest client's fetch: POSTs to an executor of this process answered here, everything else by `fetch`. */
export const localExecutorFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const post = request.method === "POST" ? executors.get(url.origin) : undefined;
  if (!post) return fetch(request);
  const { status, body } = await post(url.pathname, request.headers.get("authorization") ?? undefined, await request.text());
  return Response.json(body, { status });
};
