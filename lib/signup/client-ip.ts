/**
 * The client's address as the proxy in front of the app reports it (first X-Forwarded-For entry,
 * else X-Real-IP), for per-address throttles. Undefined when neither is there.
 */
export function clientIp(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || undefined;
}
