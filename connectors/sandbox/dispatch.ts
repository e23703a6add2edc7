import { systemSchema } from "../types";
import { sandboxes, type SandboxSystemId } from "./registry";
import type { SandboxHandler } from "./types";

const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;
const SYSTEMS: readonly SandboxSystemId[] = [...systemSchema.options, "vies", "mollie"];

const json = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status });

/**
 * Routes /sandbox/<system>/<tenant>/<api path…> to the system's simulator.
 * `enabled` is false outside sandbox mode: then nothing under /sandbox exists.
 */
export async function dispatchSandbox(
  req: Request,
  segments: string[],
  enabled: boolean,
  registry: Partial<Record<string, SandboxHandler>> = sandboxes,
): Promise<Response> {
  if (!enabled) return new Response("Not found", { status: 404 });
  const [system, tenant, ...path] = segments;
  if (!system || !(SYSTEMS as readonly string[]).includes(system)) {
    return json(404, "unknown_system", `No sandbox for "${system ?? ""}". Known systems: ${SYSTEMS.join(", ")}.`);
  }
  if (!tenant || !TENANT.test(tenant)) {
    return json(404, "bad_tenant", "The tenant slug must be lower-case letters, digits and hyphens, e.g. /sandbox/ccvshop/acme/…");
  }
  const handler = registry[system];
  if (!handler) return json(404, "not_simulated", `The ${system} sandbox is not available in this version.`);
  return handler(req, { tenant, path });
}
