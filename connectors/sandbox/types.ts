/** One request to a simulator: the tenant slug and the real API path after /sandbox/<system>/<tenant>. */
export type SandboxRoute = { tenant: string; path: string[] };

/** A simulator of one external system (connectors/<system>/sandbox/), see contracts/sandbox.md. */
export type SandboxHandler = (req: Request, route: SandboxRoute) => Promise<Response>;
