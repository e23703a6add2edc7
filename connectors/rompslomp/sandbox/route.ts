import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import type { RompslompState, TokenRecord } from "./state";

/** One API request after auth: `rest` is the path after /api/v1/companies/{id}/<resource>. */
export type Route = {
  ctx: SandboxContext<RompslompState>;
  method: string;
  rest: string[];
  token: TokenRecord;
};
