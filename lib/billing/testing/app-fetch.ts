import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";

/**
 * A fetch for tests in which the sandboxes and the app's own receivers talk to each other without
 * a server: /sandbox/… is served by the simulators, and the app routes given here (a shop's
 * webhook, Mollie's webhook) by their handlers, with the same Request a server would pass them.
 */
export type AppRoute = { pattern: RegExp; handle: (req: Request, match: RegExpExecArray) => Promise<Response> };

export function appFetch(routes: AppRoute[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (match) return route.handle(request, match);
    }
    return inProcessSandboxFetch(request);
  };
}
