import { describe, expect, it } from "vitest";
import { dispatchSandbox } from "./dispatch";

const echo = async (_req: Request, route: { tenant: string; path: string[] }) => Response.json(route);
const req = () => new Request("http://app/sandbox/x");

describe("sandbox mount", () => {
  it("serves nothing outside sandbox mode", async () => {
    const res = await dispatchSandbox(req(), ["ccvshop", "acme", "api"], false, { ccvshop: echo });
    expect(res.status).toBe(404);
  });

  it("dispatches the tenant and the real API path to the system's simulator", async () => {
    const res = await dispatchSandbox(req(), ["ccvshop", "acme", "api", "rest", "v1", "orders", "123"], true, { ccvshop: echo });
    expect(await res.json()).toEqual({ tenant: "acme", path: ["api", "rest", "v1", "orders", "123"] });
  });

  it("explains unknown systems, bad tenants and systems without a simulator", async () => {
    expect((await (await dispatchSandbox(req(), ["shopify", "acme"], true, {})).json()).error).toBe("unknown_system");
    expect((await (await dispatchSandbox(req(), ["ccvshop", "Acme!"], true, { ccvshop: echo })).json()).error).toBe("bad_tenant");
    expect((await (await dispatchSandbox(req(), ["wefact", "acme"], true, {})).json()).error).toBe("not_simulated");
  });
});
