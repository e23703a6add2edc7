import { describe, expect, it } from "vitest";
import { authorizationHeader, computeSignature, parseAuthorizationHeader, percentEncode, queryParams, signatureBaseString, signedParams, verifySignature } from "./oauth1";

describe("OAuth 1.0a signing (RFC 5849)", () => {
  // The well-known worked example of an HMAC-SHA1 signature (Twitter's "Creating a signature" guide).
  const vector = {
    method: "POST",
    url: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
    consumerKey: "xvz1evFS4wEEPTGEFPHBog",
    consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
    token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
    tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    signatureMethod: "HMAC-SHA1" as const,
    nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
    timestamp: 1318622958,
    form: [["status", "Hello Ladies + Gentlemen, a signed OAuth request!"]] as [string, string][],
  };

  it("builds the published base string (query, form body and oauth_* parameters, sorted and encoded) and signs it", () => {
    const { oauth_signature: signature, ...params } = signedParams(vector);
    expect(signatureBaseString("POST", vector.url, [...Object.entries(params), ["include_entities", "true"], ...vector.form])).toBe(
      "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26" +
        "oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26" +
        "oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26" +
        "status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521",
    );
    // HMAC-SHA1 of that base string with "<consumer secret>&<token secret>", computed independently (Python's hmac).
    expect(signature).toBe("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  });

  it("encodes like PHP's rawurlencode and leaves the query out of the base URL", () => {
    expect(percentEncode("a b+c*!'()~")).toBe("a%20b%2Bc%2A%21%27%28%29~");
    const url = "HTTP://Shop.Example:80/rest/V1/invoices?searchCriteria%5BpageSize%5D=1";
    const base = signatureBaseString("get", url, [["oauth_nonce", "n"], ...queryParams(url)]);
    expect(base).toBe("GET&http%3A%2F%2Fshop.example%2Frest%2FV1%2Finvoices&oauth_nonce%3Dn%26searchCriteria%255BpageSize%255D%3D1");
  });

  it("signs with HMAC-SHA256 by default and the receiving side verifies it; a changed URL or secret fails", () => {
    const input = { method: "GET", url: "https://shop.example/rest/V1/invoices?searchCriteria%5BpageSize%5D=10&x=a%20b", consumerKey: "ck", consumerSecret: "cs", token: "at", tokenSecret: "ts" };
    const params = parseAuthorizationHeader(authorizationHeader(input))!;
    expect(params.oauth_signature_method).toBe("HMAC-SHA256");
    expect(verifySignature({ method: "GET", url: input.url, params, consumerSecret: "cs", tokenSecret: "ts" })).toBe(true);
    expect(verifySignature({ method: "GET", url: input.url.replace("10", "11"), params, consumerSecret: "cs", tokenSecret: "ts" })).toBe(false);
    expect(verifySignature({ method: "GET", url: input.url, params, consumerSecret: "cs", tokenSecret: "wrong" })).toBe(false);
  });

  it("PLAINTEXT is the encoded secrets joined by &", () => {
    expect(computeSignature("PLAINTEXT", "ignored", "c s", "t&s")).toBe("c%20s&t%26s");
  });

  it("reads only oauth_* parameters from a header and rejects what is not an OAuth header", () => {
    expect(parseAuthorizationHeader('OAuth realm="x",oauth_consumer_key="a%20b", oauth_token="t"')).toEqual({ oauth_consumer_key: "a b", oauth_token: "t" });
    expect(parseAuthorizationHeader("Bearer abc")).toBeNull();
  });
});
