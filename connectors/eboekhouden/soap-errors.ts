import { ConnectorError } from "../types";

/**
 * The legacy SOAP API reports errors inside a normal HTTP 200 result:
 * `<ErrorMsg><LastErrorCode>…</LastErrorCode><LastErrorDescription>…</LastErrorDescription></ErrorMsg>`,
 * an empty code meaning success (reference §2.B). The codes themselves are not published; the
 * ones below are our assumption [I], kept in this one table so the client and the sandbox agree
 * and a real code is a one-line change. Unknown codes are permanent "rejected" errors that show
 * e-Boekhouden's own description.
 */
export const SOAP_ERROR = {
  /** OpenSession: username or security codes wrong. */
  login: "ERR_LOGIN",
  /** The SessionID is unknown or expired: open a new session. */
  session: "ERR_SESSION",
  /** SecurityCode2 does not belong to the session's user. */
  securityCode2: "ERR_SECURITYCODE2",
  /** AddMutatie / AddFactuur: the invoice number (Factuurnummer) is already used. */
  invoiceExists: "ERR_FACTUURNUMMER_BESTAAT",
  /** AddRelatie: the relation code is already used. */
  relationExists: "ERR_RELATIECODE_BESTAAT",
  /** A relation, ledger, template or invoice named in the request does not exist. */
  notFound: "ERR_NIET_GEVONDEN",
  /** The booking date lies in a period closed by the accountant. */
  periodClosed: "ERR_PERIODE_AFGESLOTEN",
  /** Any other field that is missing or invalid. */
  validation: "ERR_VALIDATIE",
} as const;

export const SOAP_SESSION_EXPIRED = "soap_session_expired";

export function soapError(op: string, code: string, description: string): ConnectorError {
  const said = `${description || "no description"} (${code})`;
  switch (code) {
    case SOAP_ERROR.login:
    case SOAP_ERROR.securityCode2:
      return new ConnectorError("unauthorized", `e-Boekhouden did not accept the username and security codes: ${said}. Check them under Beheer > Instellingen > Webwinkelfacturen and reconnect e-Boekhouden in the Configuration tab.`, false);
    case SOAP_ERROR.session:
      return new ConnectorError(SOAP_SESSION_EXPIRED, `e-Boekhouden ended the session: ${said}.`, true);
    case SOAP_ERROR.invoiceExists:
    case SOAP_ERROR.relationExists:
      return new ConnectorError("duplicate", `e-Boekhouden already has this (${op}): ${said}.`, false);
    case SOAP_ERROR.periodClosed:
      return new ConnectorError("period_closed", `The period of this document is closed in e-Boekhouden: ${said}. Reopen the period (or ask your accountant), then click Process.`, false);
    case SOAP_ERROR.notFound:
      return new ConnectorError("not_found", `e-Boekhouden could not find what ${op} refers to: ${said}.`, false);
    default:
      return new ConnectorError("rejected", `e-Boekhouden rejected ${op}: ${said}.`, false);
  }
}
