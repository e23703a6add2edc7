import { afterEach, describe, expect, it } from "vitest";
import { caught } from "../testing";
import type { ExternalCallRecord } from "../types";
import { createRestClient, forgetRestSessions } from "./rest-client";
import { relationListItemSchema } from "./rest-schemas";
import { SOAP_ERROR } from "./soap-errors";
import { createSoapClient, forgetSoapSessions } from "./soap-client";

/** A fetch that answers from a list, and remembers what it was asked. */
function scripted(answers: (Response | Error | ((req: Request) => Response))[]) {
  const requests: Request[] = [];
  const doFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    requests.push(req);
    const next = answers.shift();
    if (!next) throw new Error("unexpected request");
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next(req) : next;
  }) as typeof fetch;
  return { fetch: doFetch, requests };
}

const session = () => Response.json({ token: "SESSION-1", expiresIn: 3600 });
const problem = (status: number, code: string, title: string, headers?: HeadersInit) => Response.json({ type: "x", title, status, code }, { status, headers });
const html = (status: number, title: string) => new Response(`<!DOCTYPE html><html><head><title>${title}</title></head><body></body></html>`, { status, headers: { "Content-Type": "text/html" } });

afterEach(() => { forgetRestSessions(); forgetSoapSessions(); });

describe("REST client: errors a merchant can read, retries only where they help", () => {
  const rest = (answers: Parameters<typeof scripted>[0], calls?: ExternalCallRecord[]) => {
    forgetRestSessions(); // every scripted conversation starts without a session
    const s = scripted(answers);
    return { ...s, client: createRestClient({ base: "https://api.e-boekhouden.nl/v1", apiToken: "SECRET-API-TOKEN", fetch: s.fetch, onCall: calls ? (c) => calls.push(c) : undefined }) };
  };
  const list = (c: ReturnType<typeof rest>["client"]) => c.list("/relation", relationListItemSchema, "the relations", { email: "a@b.nl" });

  it("opens a session with the token and source, then sends the session token raw in Authorization", async () => {
    const { client, requests } = rest([session(), Response.json({ items: [{ id: 1, type: "P", code: "A" }], count: 1 })]);
    expect(await list(client)).toEqual([{ id: 1, type: "P", code: "A" }]);
    expect(await requests[0]!.json()).toEqual({ accessToken: "SECRET-API-TOKEN", source: "BoekKoppel" });
    expect(requests[1]!.headers.get("authorization")).toBe("SESSION-1");
    expect(requests[1]!.url).toBe("https://api.e-boekhouden.nl/v1/relation?email=a%40b.nl&limit=2000&offset=0");
  });

  it("renews an ended session once (401 SECURITY_010), and gives up as 'unauthorized' when the new one is refused too", async () => {
    const ok = rest([session(), problem(401, "SECURITY_010", "Not authenticated."), session(), Response.json({ items: [], count: 0 })]);
    expect(await list(ok.client)).toEqual([]);
    const dead = rest([session(), problem(401, "SECURITY_010", "x"), session(), problem(401, "SECURITY_010", "x")]);
    expect(await caught(list(dead.client))).toMatchObject({ code: "unauthorized", retryable: false });
  });

  it("a refused or expired token is 'unauthorized' (the connection turns red)", async () => {
    expect(await caught(list(rest([problem(400, "API_SESSION_004", "Access token has expired.")]).client))).toMatchObject({ code: "unauthorized", retryable: false, message: expect.stringMatching(/end date/) });
    expect(await caught(list(rest([problem(401, "SECURITY_999", "x")]).client))).toMatchObject({ code: "unauthorized", retryable: false });
  });

  it("5xx, 429 and network failures are retryable; 429 keeps Retry-After", async () => {
    expect(await caught(list(rest([session(), html(502, "Bad Gateway")]).client))).toMatchObject({ code: "server_error", retryable: true });
    expect(await caught(list(rest([session(), problem(429, "X", "Too many", { "Retry-After": "7" })]).client))).toMatchObject({ code: "rate_limited", retryable: true, detail: { retryAfterMs: 7000 } });
    expect(await caught(list(rest([new TypeError("fetch failed")]).client))).toMatchObject({ code: "network", retryable: true });
  });

  it("validation errors are permanent and say what e-Boekhouden said, with its code", async () => {
    const err = await caught(rest([session(), problem(400, "REL_023", "Email is invalid.")]).client.post("/relation", { name: "x" }, relationListItemSchema, "relation"));
    expect(err).toMatchObject({ code: "rejected", retryable: false });
    expect(err.message).toBe("e-Boekhouden rejected the relation: Email is invalid. (REL_023).");
    expect(await caught(rest([session(), problem(400, "MUT_019", "Invoice number already exists.")]).client.post("/mutation", {}, relationListItemSchema, "mutation"))).toMatchObject({ code: "duplicate" });
    expect(await caught(rest([session(), problem(400, "SECURITY_007", "Closed.")]).client.post("/mutation", {}, relationListItemSchema, "mutation"))).toMatchObject({ code: "period_closed" });
    expect(await caught(rest([session(), problem(400, "MODULE_001", "Limit.")]).client.post("/mutation", {}, relationListItemSchema, "mutation"))).toMatchObject({ code: "subscription_limit" });
  });

  it("an HTML page, malformed JSON or missing fields in a 200 is a precise 'unexpected_response', never a crash", async () => {
    expect((await caught(list(rest([session(), html(200, "Onderhoud")]).client))).message).toMatch(/not JSON but an HTML page \("Onderhoud"\)/);
    expect((await caught(list(rest([session(), new Response("{\"items\": [")]).client))).code).toBe("unexpected_response");
    expect((await caught(list(rest([session(), Response.json({ items: [{ code: "A" }], count: 1 })]).client))).message).toMatch(/items\.0\.id/);
    expect((await caught(list(rest([Response.json({ expiresIn: 10 })]).client))).message).toMatch(/the new session/);
  });

  it("records every call with the token and session redacted", async () => {
    const calls: ExternalCallRecord[] = [];
    await list(rest([session(), Response.json({ items: [], count: 0 })], calls).client);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ system: "eboekhouden", method: "POST", status: 200, requestBody: '{"accessToken":"[REDACTED]","source":"BoekKoppel"}', responseBody: '{"token":"[REDACTED]","expiresIn":3600}' });
    expect(JSON.stringify(calls)).not.toMatch(/SECRET-API-TOKEN|SESSION-1/);
  });
});

describe("SOAP client", () => {
  const envelope = (op: string, inner: string) =>
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${op}Response xmlns="http://www.e-boekhouden.nl/soap"><${op}Result>${inner}</${op}Result></${op}Response></soap:Body></soap:Envelope>`;
  const result = (op: string, inner = "", code = "", description = "") =>
    new Response(envelope(op, `<ErrorMsg><LastErrorCode>${code}</LastErrorCode><LastErrorDescription>${description}</LastErrorDescription></ErrorMsg>${inner}`), { headers: { "Content-Type": "text/xml" } });
  const opened = () => result("OpenSession", "<SessionID>SID-1</SessionID>");
  const fault = (code: string, message: string) =>
    new Response(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>${code}</faultcode><faultstring>${message}</faultstring></soap:Fault></soap:Body></soap:Envelope>`, { status: 500 });
  const soap = (answers: Parameters<typeof scripted>[0], calls?: ExternalCallRecord[]) => {
    forgetSoapSessions();
    const s = scripted(answers);
    return {
      ...s,
      client: createSoapClient({ endpoint: "https://soap.e-boekhouden.nl/soap.asmx", credentials: { mode: "legacy", username: "shop", securityCode1: "CODE-ONE-SECRET", securityCode2: "CODE-TWO-SECRET" }, fetch: s.fetch, onCall: calls ? (c) => calls.push(c) : undefined }),
    };
  };

  it("opens a session with username and both codes, then sends SessionID and SecurityCode2 with the SOAPAction of the operation", async () => {
    const { client, requests } = soap([opened(), result("GetRelaties", "<Relaties />")]);
    await client.call("GetRelaties");
    const open = await requests[0]!.text();
    expect(open).toContain("<OpenSession xmlns=\"http://www.e-boekhouden.nl/soap\"><Username>shop</Username><SecurityCode1>CODE-ONE-SECRET</SecurityCode1><SecurityCode2>CODE-TWO-SECRET</SecurityCode2><Source>BoekKoppel</Source></OpenSession>");
    expect(requests[1]!.headers.get("soapaction")).toBe('"http://www.e-boekhouden.nl/soap/GetRelaties"');
    expect(requests[1]!.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(await requests[1]!.text()).toContain("<GetRelaties xmlns=\"http://www.e-boekhouden.nl/soap\"><SessionID>SID-1</SessionID><SecurityCode2>CODE-TWO-SECRET</SecurityCode2></GetRelaties>");
  });

  it("errors in ErrorMsg (HTTP 200): a refused login is 'unauthorized', an ended session is renewed once, others are permanent", async () => {
    expect(await caught(soap([result("OpenSession", "", SOAP_ERROR.login, "Onjuist")]).client.call("GetRelaties"))).toMatchObject({ code: "unauthorized", retryable: false });
    const renewed = soap([opened(), result("GetRelaties", "", SOAP_ERROR.session, "Verlopen"), opened(), result("GetRelaties", "<Relaties />")]);
    await renewed.client.call("GetRelaties");
    expect(renewed.requests).toHaveLength(4);
    const err = await caught(soap([opened(), result("AddMutatie", "", "ERR_WHATEVER", "Rekening 9999 bestaat niet")]).client.call("AddMutatie"));
    expect(err).toMatchObject({ code: "rejected", retryable: false });
    expect(err.message).toContain("Rekening 9999 bestaat niet (ERR_WHATEVER)");
  });

  it("SOAP faults: a Client fault is permanent, a Server fault is retried; HTML and 5xx are precise", async () => {
    expect(await caught(soap([opened(), fault("soap:Client", "Server was unable to read request")]).client.call("AddMutatie"))).toMatchObject({ code: "rejected", retryable: false });
    expect(await caught(soap([opened(), fault("soap:Server", "Timeout expired")]).client.call("AddMutatie"))).toMatchObject({ code: "server_error", retryable: true });
    expect(await caught(soap([opened(), html(503, "Service Unavailable")]).client.call("AddMutatie"))).toMatchObject({ code: "server_error", retryable: true });
    const err = await caught(soap([opened(), html(200, "Inloggen")]).client.call("AddMutatie"));
    expect(err).toMatchObject({ code: "unexpected_response", retryable: false });
    expect(err.message).toMatch(/HTML page \("Inloggen"\) instead of a SOAP result/);
  });

  it("records calls with the security codes and session id redacted", async () => {
    const calls: ExternalCallRecord[] = [];
    await soap([opened(), result("GetRelaties", "<Relaties />")], calls).client.call("GetRelaties");
    const text = JSON.stringify(calls);
    expect(text).not.toMatch(/CODE-ONE-SECRET|CODE-TWO-SECRET|SID-1/);
    expect(text).toContain("<SecurityCode2>[REDACTED]</SecurityCode2>");
  });
});
