import { eventsBodySchema, issuesText, type IncomingEvent } from "./schemas";

/**
 * Events the app sends to the embedded executor running in its own process skip the loopback
 * socket: the Inngest client's fetch hands `POST <executor>/e/:key` straight to the executor, with
 * the validation and answer of the HTTP endpoint. That spares a webhook's acknowledgement two
 * trips through a busy event loop. Anything else, or an executor in another process, goes over
 * the network as before.
 */
type Sink = (events: IncomingEvent[]) => Promise<string[]>;

// Shared through globalThis: Next.js loads the executor and the client in different bundles.
const g = globalThis as { __embeddedEventSinks?: Map<string, Sink> };
const sinks = (g.__embeddedEventSinks ??= new Map());

/** The executor listening at `baseUrl` takes this process's events directly; returns the undo. */
export function acceptLocalEvents(baseUrl: string, sink: Sink): () => void {
  const key = new URL(baseUrl).origin;
  sinks.set(key, sink);
  return () => {
    if (sinks.get(key) === sink) sinks.delete(key);
  };
}

/** The Inngest client's fetch: local events to a sink of this process, everything else to `fetch`. */
export const localEventsFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const sink = request.method === "POST" && /^\/e\/[^/]+\/?$/.test(url.pathname) ? sinks.get(url.origin) : undefined;
  if (!sink) return fetch(request);
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    return answer(400, { status: 400, error: "Body is not JSON" });
  }
  const parsed = eventsBodySchema.safeParse(json);
  if (!parsed.success) return answer(400, { status: 400, error: issuesText(parsed.error) });
  const ids = parsed.data.length ? await sink(parsed.data) : [];
  return answer(200, { ids, status: 200 });
};

const answer = (status: number, body: unknown) => Response.json(body, { status });
