import { afterEach, describe, expect, it } from "vitest";
import { postHandshake } from "./app-handshake";
import { startServer } from "./test-server";
import { postWithRetries } from "./webhook-delivery";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("postWithRetries", () => {
  it("POSTs the JSON body with the event's headers, once when the receiver answers 2xx", async () => {
    const app = await startServer();
    close = app.close;
    expect(await postWithRetries({ address: `${app.origin}/hook`, headers: { "x-hash": "abc" }, body: '{"id":1}' })).toEqual({ status: 200, error: undefined, attempts: 1 });
    expect(app.received).toHaveLength(1);
    expect(app.received[0]).toMatchObject({ method: "POST", url: "/hook", body: '{"id":1}', headers: { "content-type": "application/json", "x-hash": "abc" } });
  });

  it("tries again after a failure and reports the last attempt", async () => {
    let calls = 0;
    const app = await startServer(() => (++calls === 1 ? { status: 503 } : { status: 204 }));
    close = app.close;
    expect(await postWithRetries({ address: app.origin, headers: {}, body: "{}" })).toEqual({ status: 204, error: undefined, attempts: 2 });
  });

  it("reports an unreachable receiver as an error", { timeout: 15_000 }, async () => {
    const outcome = await postWithRetries({ address: "http://127.0.0.1:9/", headers: {}, body: "{}" });
    expect(outcome).toMatchObject({ status: undefined, attempts: 3 });
    expect(outcome.error).toBeTruthy();
  });
});

describe("postHandshake", () => {
  it("is undefined when the app answers 200, and sends the signature headers", async () => {
    const app = await startServer();
    close = app.close;
    expect(await postHandshake(`${app.origin}/handshake`, { "x-signature": "s" }, '{"api_key":"k"}')).toBeUndefined();
    expect(app.received[0]).toMatchObject({ method: "POST", body: '{"api_key":"k"}', headers: { "x-signature": "s", "content-type": "application/json" } });
  });

  it("describes another answer, escaped, for the merchant's page", async () => {
    const app = await startServer(() => ({ status: 500, body: "<b>boom</b>" }));
    close = app.close;
    expect(await postHandshake(app.origin, {}, "{}")).toBe(
      "<h1>Installation failed</h1><p>The app answered the handshake with HTTP 500.</p><pre>&#60;b&#62;boom&#60;/b&#62;</pre>",
    );
  });

  it("says so when the app cannot be reached", async () => {
    expect(await postHandshake("http://127.0.0.1:9/", {}, "{}")).toMatch(/^<h1>Installation failed<\/h1><p>The app's handshake address could not be reached: /);
  });
});
