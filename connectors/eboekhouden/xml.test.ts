import { describe, expect, it } from "vitest";
import { envelope } from "./soap-client";
import { child, el, elements, parseXml, path, plain, textOf, toXml, XmlError } from "./xml";

describe("xml", () => {
  it("writes elements in order, escapes text, leaves undefined out", () => {
    expect(toXml(elements([["A", "1 < 2 & 3"], ["B", undefined], ["C", [el("D", "x")]]]))).toBe("<A>1 &lt; 2 &amp; 3</A><C><D>x</D></C>");
  });

  it("reads a SOAP response by local names, whatever the prefixes", () => {
    const doc = parseXml(`<?xml version="1.0" encoding="utf-8"?>
      <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
        <OpenSessionResponse xmlns="http://www.e-boekhouden.nl/soap"><OpenSessionResult>
          <ErrorMsg><LastErrorCode /><LastErrorDescription /></ErrorMsg>
          <SessionID>abc&amp;def</SessionID>
        </OpenSessionResult></OpenSessionResponse>
      </s:Body></s:Envelope>`);
    const result = path(doc, "Body", "OpenSessionResponse", "OpenSessionResult");
    expect(textOf(result, "SessionID")).toBe("abc&def");
    expect(textOf(child(result, "ErrorMsg"), "LastErrorCode")).toBe("");
  });

  it("handles CDATA, character references, comments and xsi:nil", () => {
    const doc = parseXml(`<a><!-- note --><b><![CDATA[<x>]]></b><c>&#233;&#x20AC;</c><d xsi:nil="true" /></a>`);
    expect(textOf(doc, "b")).toBe("<x>");
    expect(textOf(doc, "c")).toBe("é€");
    expect(textOf(doc, "d")).toBeUndefined();
  });

  it("refuses what is not well-formed, with a precise reason", () => {
    expect(() => parseXml("<html><body>Bad gateway</html>")).toThrow(XmlError);
    expect(() => parseXml("<a>")).toThrow(/Unclosed element <a>/);
    expect(() => parseXml("just text")).toThrow(XmlError);
  });

  it("round-trips an envelope", () => {
    const doc = parseXml(envelope("GetRelaties", elements([["SessionID", "S1"], ["cFilter", elements([["Code", "KlaartjePi5"]])]])));
    const op = path(doc, "Body", "GetRelaties");
    expect(textOf(path(op, "cFilter"), "Code")).toBe("KlaartjePi5");
    expect(plain([el("X", [el("Y", "1"), el("Y", "2")])])).toEqual({ X: { Y: ["1", "2"] } });
  });
});
