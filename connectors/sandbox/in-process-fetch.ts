import { env } from "@/lib/config/env";
import { dispatchSandbox } from "./dispatch";

/**
 * A fetch that serves /sandbox/… URLs straight from the simulators in this process (used where
 * the app talks to its own sandbox before its HTTP server listens, e.g. seeding at boot).
 * The request is the same one the real client would send; only the network hop is skipped.
 * With a separate sandbox server (SANDBOX_URL) the simulators are not here: the request goes there.
 */
const networkFetch = globalThis.fetch; // captured: this function may itself be installed as the global fetch

export const inProcessSandboxFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const path = new URL(request.url).pathname;
  const at = path.indexOf("/sandbox/");
  if (at < 0 || env().SANDBOX_URL) return networkFetch(request);
  const segments = path.slice(at + "/sandbox/".length).split("/").filter(Boolean).map(decodeURIComponent);
  return dispatchSandbox(request, segments, true);
};
