import { createHash } from "node:crypto";
import { ConnectorError } from "../types";
import { SESSION_SOURCE, type LegacyCredentials } from "./config";
import { SOAP_SESSION_EXPIRED, soapError } from "./soap-errors";
import { describeBody, send, transientError, type Transport } from "./transport";
import { child, el, parseXml, path, textOf, toXml, XmlError, type XmlElement, type XmlNode } from "./xml";

/**
 * e-Boekhouden's legacy SOAP API (reference §2.B), HTTP only: SOAP 1.1 envelopes to
 * `soap.asmx` with `SOAPAction: "http://www.e-boekhouden.nl/soap/<Op>"`. A session is opened with
 * OpenSession(Username, SecurityCode1, SecurityCode2, Source); every later call sends SessionID
 * and SecurityCode2; CloseSession ends it. Errors come in the result's ErrorMsg (HTTP 200),
 * malformed requests as a SOAP Fault (HTTP 500).
 */

const SOAP_NS = "http://www.e-boekhouden.nl/soap";

export type SoapClientOptions = Transport & { endpoint: string; credentials: LegacyCredentials; now?: () => number };

type CachedSession = { id: string; openedAt: number };
const sessions = new Map<string, CachedSession>();
/** The API publishes no lifetime; we renew well before any plausible idle timeout [I], and on ERR_SESSION. */
const SESSION_MAX_AGE_MS = 15 * 60_000;

export function envelope(op: string, params: XmlElement[]): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<soap:Body><${op} xmlns="${SOAP_NS}">${toXml(params)}</${op}></soap:Body></soap:Envelope>`
  );
}

export function createSoapClient(opts: SoapClientOptions) {
  const now = opts.now ?? Date.now;
  const { username, securityCode1, securityCode2 } = opts.credentials;
  const key = `${opts.endpoint} ${createHash("sha256").update(`${username}\n${securityCode1}\n${securityCode2}`).digest("hex")}`;
  const secrets = [securityCode1, securityCode2];

  /** One operation: its `<Op>Result`, or a ConnectorError for transport problems, faults and ErrorMsg codes. */
  async function invoke(op: string, params: XmlElement[], extraSecrets: string[] = []): Promise<XmlNode> {
    const res = await send(opts, {
      method: "POST",
      url: opts.endpoint,
      headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${SOAP_NS}/${op}"` },
      body: envelope(op, params),
      secrets: [...secrets, ...extraSecrets],
    });
    let doc: XmlNode | undefined;
    try {
      doc = parseXml(res.text);
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
    }
    const body = path(doc, "Body");
    const fault = child(body, "Fault");
    if (fault) {
      // soap:Client = our request is wrong (permanent); soap:Server = e-Boekhouden failed (try again).
      const code = textOf(fault, "faultcode") ?? "";
      const message = textOf(fault, "faultstring") ?? "no reason given";
      const server = /server/i.test(code);
      throw new ConnectorError(server ? "server_error" : "rejected", `e-Boekhouden ${server ? "failed on" : "refused"} ${op}: ${message}.`, server, { status: res.status, body: res.text.slice(0, 4000) });
    }
    const transient = transientError(res, "SOAP API");
    if (transient) throw transient;
    const result = path(body, `${op}Response`, `${op}Result`);
    if (res.status !== 200 || !result) {
      throw new ConnectorError("unexpected_response", `e-Boekhouden answered ${op} with HTTP ${res.status} and ${describeBody(res.text)} instead of a SOAP result.`, res.status >= 500, { status: res.status, body: res.text.slice(0, 4000) });
    }
    const code = textOf(path(result, "ErrorMsg"), "LastErrorCode");
    if (code) throw soapError(op, code, textOf(path(result, "ErrorMsg"), "LastErrorDescription") ?? "");
    return result;
  }

  async function openSession(): Promise<CachedSession> {
    const result = await invoke("OpenSession", [el("Username", username), el("SecurityCode1", securityCode1), el("SecurityCode2", securityCode2), el("Source", SESSION_SOURCE)]);
    const id = textOf(result, "SessionID");
    if (!id) throw new ConnectorError("unexpected_response", "e-Boekhouden opened no session (OpenSession answered without a SessionID).", true);
    const session = { id, openedAt: now() };
    sessions.set(key, session);
    return session;
  }

  async function session(): Promise<CachedSession> {
    const known = sessions.get(key);
    return known && now() - known.openedAt < SESSION_MAX_AGE_MS ? known : openSession();
  }

  const withSession = (id: string, params: XmlElement[]) => [el("SessionID", id), el("SecurityCode2", securityCode2), ...params];

  return {
    /** One operation inside a session; a session e-Boekhouden ended is replaced once. */
    async call(op: string, params: XmlElement[] = []): Promise<XmlNode> {
      const first = await session();
      try {
        return await invoke(op, withSession(first.id, params), [first.id]);
      } catch (err) {
        if (!(err instanceof ConnectorError) || err.code !== SOAP_SESSION_EXPIRED) throw err;
        sessions.delete(key);
        const renewed = await openSession();
        try {
          return await invoke(op, withSession(renewed.id, params), [renewed.id]);
        } catch (again) {
          if (again instanceof ConnectorError && again.code === SOAP_SESSION_EXPIRED) {
            throw new ConnectorError("unauthorized", "e-Boekhouden ends every new session of this login at once. Reconnect e-Boekhouden in the Configuration tab.", false);
          }
          throw again;
        }
      }
    },
    openSession,
    /** CloseSession, if one is open. */
    async close(): Promise<void> {
      const known = sessions.get(key);
      if (!known) return;
      sessions.delete(key);
      await invoke("CloseSession", [el("SessionID", known.id)], [known.id]).catch(() => undefined);
    },
  };
}

export type SoapClient = ReturnType<typeof createSoapClient>;

/** For tests: forget the process's sessions. */
export const forgetSoapSessions = () => sessions.clear();
