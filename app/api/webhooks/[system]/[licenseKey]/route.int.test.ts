import { describe, expect, it } from "vitest";
import { webhookToken } from "@/connectors/ccvshop/webhook";
import { sandboxCredentials } from "@/connectors/ccvshop/sandbox/credentials";
import { POST } from "./route";
import { useDemoDatabase } from "@/lib/db/demo-database";

const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const t = useDemoDatabase();

const deliver = (licenseKey: string, body: string, query = "", system = "ccvshop") =>
  POST(new Request(`http://localhost:3000/api/webhooks/${system}/${licenseKey}${query}`, { method: "POST", body, headers: { "content-type": "application/json" } }), {
    params: Promise.resolve({ system, licenseKey }),
  });

const validToken = () => `?token=${webhookToken(sandboxCredentials(KEY.toLowerCase()))}`;

describe("webhook receiver", () => {
  it("refuses an unsigned or wrongly signed delivery with 401 and records nothing", async () => {
    const body = JSON.stringify({ id: 1, href: "http://x/api/rest/v1/orders/1" });
    expect((await deliver(KEY, body)).status).toBe(401);
    expect((await deliver(KEY, body, "?token=deadbeef")).status).toBe(401);
    expect(await t.db.document.count()).toBe(0);
  });

  it("refuses unknown addresses: another license key, another system", async () => {
    expect((await deliver("NO-SUCH-KEY", "{}", validToken())).status).toBe(401);
    expect((await deliver(KEY, "{}", validToken(), "prestashop")).status).toBe(401);
  });

  it("answers malformed JSON with 400 and a clear message", async () => {
    const res = await deliver(KEY, "{not json", validToken());
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/not valid JSON/);
    expect(await t.db.document.count()).toBe(0);
  });
});
