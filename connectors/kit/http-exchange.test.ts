import { describe, expect, it } from "vitest";
import { ConnectorError, type ExternalCallRecord } from "../types";
import { exchange, isOk, MAX_LOGGED_BODY, redactForLog, shopMessages, type Peer } from "./http-exchange";

const peer: Peer = { system: "rompslomp", name: "Rompslomp" };
const hang: typeof fetch = (_url, init) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));

function setup(answer: typeof fetch, timeoutMs?: number) {
  const calls: ExternalCallRecord[] = [];
  return { calls, t: { fetch: answer, onCall: (c: ExternalCallRecord) => void calls.push(c), timeoutMs } };
}

async function caught(promise: Promise<unknown>): Promise<ConnectorError> {
  const e = await promise.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(e)}`);
  return e;
}

describe("exchange", () => {
  it("sends the request as given and answers status, headers and text", async () => {
    let seen: { url: string; init?: RequestInit } | undefined;
    const { t } = setup(async (url, init) => {
      seen = { url: String(url), init };
      return new Response('{"ok":true}', { status: 201, headers: { "x-id": "7" } });
    });
    const res = await exchange(t, { ...peer, redirect: "manual" }, { method: "POST", url: "https://api.example/x", headers: { a: "1" }, body: "{}" });
    expect(res).toMatchObject({ status: 201, text: '{"ok":true}' });
    expect(res.headers.get("x-id")).toBe("7");
    expect(seen).toMatchObject({ url: "https://api.example/x", init: { method: "POST", headers: { a: "1" }, body: "{}", redirect: "manual" } });
    expect(seen!.init!.signal).toBeInstanceOf(AbortSignal);
  });

  it("leaves fetch's redirect mode alone unless the peer names one", async () => {
    let init: RequestInit | undefined;
    await exchange(setup(async (_u, i) => ((init = i), new Response(""))).t, peer, { method: "GET", url: "https://api.example/" });
    expect(init).not.toHaveProperty("redirect");
  });

  it("reports the call with secrets, field secrets and the URL redacted", async () => {
    const { t, calls } = setup(async () => new Response('{"token":"abc","echo":"key-12345"}', { status: 200 }));
    const redact = (text: string) => text.replace(/"token":"[^"]*"/, '"token":"[hidden]"');
    await exchange(t, { ...peer, redact }, { method: "POST", url: "https://api.example/?k=key-12345", body: "key=key-12345", secrets: ["key-12345", "ab"] });
    expect(calls).toEqual([
      {
        system: "rompslomp",
        method: "POST",
        url: "https://api.example/?k=[REDACTED]",
        requestBody: "key=[REDACTED]",
        status: 200,
        responseBody: '{"token":"[hidden]","echo":"[REDACTED]"}',
        durationMs: expect.any(Number),
      },
    ]);
  });

  it("records what logResponse makes of the answer instead of the body", async () => {
    const { t, calls } = setup(async () => new Response("oauth_token=t&oauth_token_secret=s"));
    await exchange(t, peer, { method: "POST", url: "https://api.example/token", logResponse: () => "[tokens redacted]" });
    expect(calls[0]).toMatchObject({ responseBody: "[tokens redacted]" });
    expect(calls[0]!.requestBody).toBeUndefined();
  });

  it("caps what it logs", async () => {
    const { t, calls } = setup(async () => new Response("x".repeat(MAX_LOGGED_BODY + 10)));
    await exchange(t, peer, { method: "GET", url: "https://api.example/" });
    expect(calls[0]!.responseBody).toBe(`${"x".repeat(MAX_LOGGED_BODY)}… (truncated)`);
  });

  it("a hang is a retryable timeout in the peer's name, recorded as such", async () => {
    const { t, calls } = setup(hang, 20);
    expect(await caught(exchange(t, peer, { method: "GET", url: "https://api.example/" }))).toMatchObject({
      code: "timeout",
      retryable: true,
      message: "Rompslomp did not answer within 1 seconds; we will try again.",
    });
    expect(calls).toEqual([expect.objectContaining({ error: "timeout after 20 ms" })]);
    expect(calls[0]).not.toHaveProperty("status");
  });

  it("an answer that arrives after the timeout is still a timeout", async () => {
    const late: typeof fetch = () => new Promise((resolve) => setTimeout(() => resolve(new Response("{}", { status: 201 })), 40));
    const { t, calls } = setup(late, 10);
    expect(await caught(exchange(t, peer, { method: "POST", url: "https://api.example/" }))).toMatchObject({ code: "timeout" });
    expect(calls).toEqual([expect.objectContaining({ error: "timeout after 10 ms" })]);
  });

  it("a fetch that times out on its own is a timeout too", async () => {
    const { t } = setup(() => Promise.reject(new DOMException("gave up", "TimeoutError")));
    expect(await caught(exchange(t, peer, { method: "GET", url: "https://api.example/" }))).toMatchObject({ code: "timeout", retryable: true });
  });

  it("a network failure is retryable, its reason redacted in the message and the log", async () => {
    const { t, calls } = setup(() => Promise.reject(new TypeError("connect failed for secret-999")));
    const e = await caught(exchange(t, peer, { method: "GET", url: "https://api.example/", secrets: ["secret-999"] }));
    expect(e).toMatchObject({ code: "network", retryable: true, message: "Could not reach Rompslomp (connect failed for [REDACTED]); we will try again." });
    expect(calls[0]).toMatchObject({ error: "connect failed for [REDACTED]" });
  });

  it("speaks the peer's own words where it has them", async () => {
    const own: Peer = {
      ...peer,
      messages: { timeout: (ms, req) => `slow ${ms} ${req.url}`, unreachable: (reason, req) => `down ${reason} ${req.method}` },
    };
    expect((await caught(exchange(setup(hang, 5).t, own, { method: "GET", url: "u:/x" }))).message).toBe("slow 5 u:/x");
    expect((await caught(exchange(setup(() => Promise.reject(new Error("refused"))).t, own, { method: "PUT", url: "u:/x" }))).message).toBe("down refused PUT");
  });

  it("has the webshops' shorter wording at hand", async () => {
    const shop: Peer = { ...peer, messages: shopMessages("The shop", "https://shop.example") };
    expect((await caught(exchange(setup(hang, 600).t, shop, { method: "GET", url: "u:/x" }))).message).toBe("The shop did not answer within 1 s.");
    expect((await caught(exchange(setup(() => Promise.reject(new Error("refused"))).t, shop, { method: "GET", url: "u:/x" }))).message).toBe(
      "The shop could not be reached at https://shop.example: refused",
    );
    const named = shopMessages("CCV Shop");
    expect(named?.unreachable?.("refused", { method: "GET", url: "u:/x" })).toBe("CCV Shop could not be reached: refused");
  });

  it("works without onCall", async () => {
    expect((await exchange({ fetch: async () => new Response("hi") }, peer, { method: "GET", url: "https://api.example/" })).text).toBe("hi");
  });
});

describe("redactForLog and isOk", () => {
  it("redacts field secrets before the values, ignores too-short secrets", () => {
    expect(redactForLog("a=abcd b=abc", ["abcd", "abc"], (s) => s.replace("b=", "B="))).toBe("a=[REDACTED] B=abc");
  });

  it("2xx is ok, the rest is not", () => {
    expect([199, 200, 204, 299, 300, 404].map((status) => isOk({ status }))).toEqual([false, true, true, true, false, false]);
  });
});
