import { describe, expect, it } from "vitest";
import { ConnectorError, type ExternalCallRecord } from "../types";
import { createCcvClient } from "./client";
import { retryAfterMs } from "../kit/retry-after";
import { requestHash, responseHash } from "./signing";
import { ccvRateKey, ccvRules } from "./throttle";

const credentials = { publicKey: "pk_acme", secretKey: "secret123" };
const fixedNow = () => new Date("2024-05-01T12:00:00.000Z");

type Seen = { url: string; method: string; headers: Headers; body?: string };

/** A fetch that records the request and answers with `reply`. */
function fakeFetch(reply: (req: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = { url: String(input), method: init?.method ?? "GET", headers: new Headers(init?.headers), body: init?.body ? String(init.body) : undefined };
    seen.push(req);
    return reply(req);
  }) as typeof fetch;
  return { fn, seen };
}

const client = (fetchFn: typeof fetch, extra: { onCall?: (c: ExternalCallRecord) => void; timeoutMs?: number; baseUrl?: string } = {}) =>
  createCcvClient({ baseUrl: extra.baseUrl ?? "https://shop.example.nl", credentials, fetch: fetchFn, onCall: extra.onCall, timeoutMs: extra.timeoutMs }, { now: fixedNow, throttle: false });

describe("signing", () => {
  it("matches a hand-computed HMAC-SHA512 of public|METHOD|uri|body|date (openssl dgst -sha512 -hmac)", () => {
    expect(requestHash({ ...credentials, method: "GET", uri: "/api/rest/v1/orders/123", body: "", date: "2024-05-01T12:00:00Z" })).toBe(
      "46cb12e0faf14585775f7ab2adbc878136e3c784418224f679c75723a9ddccc1367683508fc6e686c22818cb5e07a9d1aa1ff3c07d21ca8f23d99dc33e2809ea",
    );
    expect(
      requestHash({ ...credentials, method: "post", uri: "/api/rest/v1/webhooks", body: '{"event":"orders.created","address":"https://app.example/hook"}', date: "2024-05-01T12:00:00+00:00" }),
    ).toBe("83abe917798854990a05710847390ad1f11ccc73dc0f7a6c4d68b204058af10a9f965bada1a0f2eee72a0a048db8531ddf7755e15f99df3e3a03080f7513b147");
  });

  it("sends x-public, x-date, x-hash over the uri after the base URL's own path (so a sandbox base URL signs like a real shop)", async () => {
    const { fn, seen } = fakeFetch(() => Response.json({ id: 123 }));
    await client(fn, { baseUrl: "http://localhost:3000/sandbox/ccvshop/acme/" }).getOrder(123);
    const req = seen[0]!;
    expect(req.url).toBe("http://localhost:3000/sandbox/ccvshop/acme/api/rest/v1/orders/123");
    expect(req.headers.get("x-public")).toBe("pk_acme");
    expect(req.headers.get("x-date")).toBe("2024-05-01T12:00:00Z");
    expect(req.headers.get("x-hash")).toBe("46cb12e0faf14585775f7ab2adbc878136e3c784418224f679c75723a9ddccc1367683508fc6e686c22818cb5e07a9d1aa1ff3c07d21ca8f23d99dc33e2809ea");
    expect(req.headers.get("accept")).toBe("application/vnd.verto.webshop+json");
  });

  it("signs the exact JSON body it sends", async () => {
    const { fn, seen } = fakeFetch(() => Response.json({ id: 1, event: "orders.created", address: "https://app.example/hook", key: "k" }, { status: 201 }));
    await client(fn).createWebhook({ event: "orders.created", address: "https://app.example/hook" });
    const req = seen[0]!;
    expect(req.headers.get("content-type")).toBe("application/json");
    expect(req.headers.get("x-hash")).toBe(requestHash({ ...credentials, method: "POST", uri: "/api/rest/v1/webhooks", body: req.body!, date: "2024-05-01T12:00:00Z" }));
  });
});

describe("paging", () => {
  it("follows absolute next links until null, re-signing each page's uri", async () => {
    const base = "http://localhost:3000/sandbox/ccvshop/acme";
    const { fn, seen } = fakeFetch((req) => {
      const start = Number(new URL(req.url).searchParams.get("start"));
      const next = start < 4 ? `${base}/api/rest/v1/orders?min_create_date=2024-01-01&start=${start + 2}&size=2` : null;
      return Response.json({ start, size: 2, next, items: [{ id: start + 1 }, { id: start + 2 }] });
    });
    const ids: unknown[] = [];
    for await (const item of client(fn, { baseUrl: base }).listOrders({ min_create_date: "2024-01-01" })) ids.push((item as { id: number }).id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.map((s) => new URL(s.url).search)).toEqual(["?start=0&size=100&min_create_date=2024-01-01", "?min_create_date=2024-01-01&start=2&size=2", "?min_create_date=2024-01-01&start=4&size=2"]);
    const last = seen[2]!;
    expect(last.headers.get("x-hash")).toBe(requestHash({ ...credentials, method: "GET", uri: "/api/rest/v1/orders?min_create_date=2024-01-01&start=4&size=2", body: "", date: "2024-05-01T12:00:00Z" }));
  });

  it("stops when a shop repeats its last page", async () => {
    const { fn, seen } = fakeFetch(() => Response.json({ next: "https://shop.example.nl/api/rest/v1/orders?start=0&size=100", items: [{ id: 1 }] }));
    const items = [];
    for await (const item of client(fn).listOrders()) items.push(item);
    expect(items).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });
});

describe("error mapping", () => {
  const failWith = async (reply: () => Response | Promise<Response>, timeoutMs?: number) => {
    const { fn } = fakeFetch(reply);
    return client(fn, { timeoutMs }).getOrder(1).then(() => undefined, (e: unknown) => e as ConnectorError);
  };
  const ccv = (status: number, code: string, headers: Record<string, string> = {}) => Response.json({ status, code, developermessage: "said" }, { status, headers });

  it("401 and 403 → unauthorized, not retryable, in plain words", async () => {
    for (const status of [401, 403]) {
      const err = await failWith(() => ccv(status, `${status}.10`));
      expect(err).toBeInstanceOf(ConnectorError);
      expect(err).toMatchObject({ code: "unauthorized", retryable: false, detail: { status } });
      expect(err!.message).toMatch(/^CCV Shop refused the API keys/);
    }
  });

  it("404 → not_found, not retryable", async () => {
    expect(await failWith(() => ccv(404, "404.20"))).toMatchObject({ code: "not_found", retryable: false });
  });

  it("429 → rate_limited, retryable, with Retry-After in ms (60 s when absent)", async () => {
    expect(await failWith(() => ccv(429, "429.10", { "retry-after": "7" }))).toMatchObject({ code: "rate_limited", retryable: true, detail: { retryAfterMs: 7000 } });
    expect(await failWith(() => ccv(429, "429.11"))).toMatchObject({ code: "rate_limited", detail: { retryAfterMs: 60_000 } });
    expect(retryAfterMs("Wed, 01 May 2024 12:00:30 GMT", Date.parse("2024-05-01T12:00:00Z"))).toBe(30_000);
  });

  it("5xx, network failures and timeouts are retryable", async () => {
    expect(await failWith(() => ccv(503, "503.10"))).toMatchObject({ code: "unavailable", retryable: true });
    expect(await failWith(() => Promise.reject(new TypeError("fetch failed")))).toMatchObject({ code: "network", retryable: true });
    const hangsUntilAborted = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))))) as typeof fetch;
    const timed = createCcvClient({ baseUrl: "https://shop.example.nl", credentials, timeoutMs: 20, fetch: hangsUntilAborted }, { throttle: false });
    expect(await timed.getOrder(1).catch((e: unknown) => e)).toMatchObject({ code: "timeout", retryable: true });
  });

  it("other 4xx → rejected, not retryable, with CCV's developer message", async () => {
    const err = await failWith(() => ccv(400, "400.10"));
    expect(err).toMatchObject({ code: "rejected", retryable: false });
    expect(err!.message).toContain("said (400.10)");
  });

  it("a 2xx that is not JSON → invalid_response; an empty 2xx is null", async () => {
    expect(await failWith(() => new Response("<html>maintenance</html>", { status: 200 }))).toMatchObject({ code: "invalid_response" });
    const { fn } = fakeFetch(() => new Response(null, { status: 204 }));
    expect(await client(fn).deleteWebhook("1")).toBeNull();
  });

  it("missing credentials → unauthorized before any call", () => {
    expect(() => createCcvClient({ baseUrl: "https://shop.example.nl", credentials: {} })).toThrow(ConnectorError);
  });
});

describe("signed responses", () => {
  const signedReply = (body: string, tamper = false) => () => {
    const date = "2024-05-01T12:00:01Z";
    const hash = responseHash({ ...credentials, method: "GET", uri: "/api/rest/v1/orders/1", body, date });
    return new Response(tamper ? body.replace("1", "2") : body, { headers: { "x-date": date, "x-hash": hash } });
  };

  it("accepts a response signed over public|METHOD|uri|body|x-date and refuses a tampered one", async () => {
    expect(await client(fakeFetch(signedReply('{"id":1}')).fn).getOrder(1)).toEqual({ id: 1 });
    expect(await client(fakeFetch(signedReply('{"id":1}', true)).fn).getOrder(1).catch((e: unknown) => e)).toMatchObject({ code: "invalid_response_signature", retryable: false });
  });
});

describe("audit", () => {
  it("reports every call through onCall with webhook keys redacted", async () => {
    const calls: ExternalCallRecord[] = [];
    const { fn } = fakeFetch(() => Response.json({ id: 9, event: "orders.created", address: "https://app.example/hook", key: "very-secret-key" }, { status: 201 }));
    await client(fn, { onCall: (c) => calls.push(c) }).createWebhook({ event: "orders.created", address: "https://app.example/hook" });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ system: "ccvshop", method: "POST", url: "https://shop.example.nl/api/rest/v1/webhooks", status: 201 });
    expect(calls[0]!.responseBody).toContain('"key":"[redacted]"');
    expect(JSON.stringify(calls)).not.toContain("very-secret-key");
    expect(JSON.stringify(calls)).not.toContain("secret123");
  });
});

describe("rate limits", () => {
  it("counts per resource and method, with CCV's 150 reads and 100 writes less the safety margin", () => {
    expect(ccvRateKey("https://s", "pk", "GET", "/api/rest/v1/orders/1/orderrows?start=0")).toBe("ccvshop|https://s|pk|GET orders");
    expect(ccvRateKey("https://s", "pk", "GET", "/api/rest/v1/invoices?size=100")).toBe("ccvshop|https://s|pk|GET invoices");
    expect(ccvRateKey("https://s", "pk", "patch", "/api/rest/v1/orders/1")).toBe("ccvshop|https://s|pk|PATCH orders");
    expect(ccvRules("GET")).toEqual([{ limit: 142, windowMs: 61_000 }]);
    expect(ccvRules("POST")).toEqual([{ limit: 95, windowMs: 61_000 }]);
  });
});
