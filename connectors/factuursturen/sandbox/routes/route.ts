import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import type { FactuursturenState } from "../state";

/** One authenticated API request: `rest` is the path after /api/v1/<resource>. */
export type Route = { ctx: SandboxContext<FactuursturenState>; method: string; rest: string[] };
