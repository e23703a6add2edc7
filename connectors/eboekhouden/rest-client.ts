import { createHash } from "node:crypto";
import { z } from "zod";
import { ConnectorError } from "../types";
import { SESSION_SOURCE } from "./config";
import { restError, SESSION_EXPIRED, unexpected, type Subject } from "./rest-errors";
import { listOf, sessionSchema } from "./rest-schemas";
import { describeBody, send, type Transport } from "./transport";

/**
 * e-Boekhouden REST API v1, HTTP only (reference §2.A): a session from the API token
 * (`POST /v1/session`), the session token in `Authorization`, renewed before it expires and once
 * more when e-Boekhouden says it ended (401 SECURITY_010); `DELETE /v1/session` closes it.
 * Amounts go out as JSON numbers written from their decimal text, never through a float.
 */

export type RestClientOptions = Transport & { base: string; apiToken: string; now?: () => number };
type Filter = string | number | { op: string; value: string } | undefined;
export type Query = Record<string, Filter>;
type Call = { method: string; path: string; query?: Query; body?: unknown; subject?: Subject };

/** Sessions live in the process, shared by connector instances of the same token, until shortly before they expire. */
type CachedSession = { token: string; expiresAt: number };
const sessions = new Map<string, CachedSession>();
const RENEW_MARGIN_MS = 60_000;
const PAGE = 2000; // the API's maximum `limit`
const MAX_PAGES = 50;

/** Keys whose decimal-string values are written as JSON numbers (the API's amounts, quantities and ids). */
const NUMERIC_KEYS = new Set(["amount", "vatAmount", "pricePerUnit", "quantity", "ledgerId", "relationId", "templateId", "productId", "type", "termOfPayment"]);
const DECIMAL = /^-?\d+(\.\d+)?$/;
const MARK = "\u0000n:";

/** JSON with the numeric keys' decimal strings as raw numbers: "12.40" → 12.40, exactly as written. */
export function restJson(value: unknown): string {
  const marked = JSON.stringify(value, (key, v: unknown) => (NUMERIC_KEYS.has(key) && typeof v === "string" && DECIMAL.test(v) ? `${MARK}${v}` : v));
  return marked.replace(/"\\u0000n:(-?\d+(?:\.\d+)?)"/g, "$1");
}

/** e-Boekhouden's filter syntax: `?code[like]=Klaas%25`; plain values mean equal. */
export const like = (value: string) => ({ op: "like", value });

export function createRestClient(opts: RestClientOptions) {
  const now = opts.now ?? Date.now;
  const key = `${opts.base} ${createHash("sha256").update(opts.apiToken).digest("hex")}`;

  async function openSession(): Promise<CachedSession> {
    const res = await send(opts, {
      method: "POST",
      url: `${opts.base}/session`,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ accessToken: opts.apiToken, source: SESSION_SOURCE }),
      secrets: [opts.apiToken],
    });
    if (res.status < 200 || res.status >= 300) throw restError(res, "session");
    const parsed = sessionSchema.safeParse(parse(res.text));
    if (!parsed.success) throw unexpected("the new session", describeBody(res.text));
    const session = { token: parsed.data.token, expiresAt: now() + parsed.data.expiresIn * 1000 };
    sessions.set(key, session);
    return session;
  }

  async function session(): Promise<CachedSession> {
    const known = sessions.get(key);
    return known && known.expiresAt - RENEW_MARGIN_MS > now() ? known : openSession();
  }

  async function once({ method, path, query, body, subject = "request" }: Call, token: string) {
    const res = await send(opts, {
      method,
      url: `${opts.base}${path}${queryString(query)}`,
      headers: { Authorization: token, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : restJson(body),
      secrets: [token, opts.apiToken],
    });
    if (res.status < 200 || res.status >= 300) throw restError(res, subject);
    return res.text;
  }

  /** One call in a live session; a session e-Boekhouden ended is replaced once. */
  async function call(c: Call): Promise<unknown> {
    const first = await session();
    try {
      return parse(await once(c, first.token));
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.code !== SESSION_EXPIRED) throw err;
      sessions.delete(key);
      const renewed = await openSession();
      try {
        return parse(await once(c, renewed.token));
      } catch (again) {
        if (again instanceof ConnectorError && again.code === SESSION_EXPIRED) {
          throw new ConnectorError("unauthorized", "e-Boekhouden refuses every new session of this API token. Reconnect e-Boekhouden in the Configuration tab.", false, again.detail);
        }
        throw again;
      }
    }
  }

  function read<T extends z.ZodType>(body: unknown, schema: T, what: string): z.infer<T> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw unexpected(what, `${parsed.error.issues[0]?.path.join(".") || "body"}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return parsed.data;
  }

  return {
    /** GET and validate one resource. */
    async get<T extends z.ZodType>(path: string, schema: T, what: string, query?: Query): Promise<z.infer<T>> {
      return read(await call({ method: "GET", path, query }), schema, what);
    },
    /** Walks `offset` until `count` items are read. */
    async list<T extends z.ZodType>(path: string, item: T, what: string, query: Query = {}): Promise<z.infer<T>[]> {
      const items: z.infer<T>[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = read(await call({ method: "GET", path, query: { ...query, limit: PAGE, offset: items.length } }), listOf(item), what);
        items.push(...body.items);
        if (body.items.length === 0 || items.length >= body.count) break;
      }
      return items;
    },
    async post<T extends z.ZodType>(path: string, payload: unknown, schema: T, subject: Subject): Promise<z.infer<T>> {
      return read(await call({ method: "POST", path, body: payload, subject }), schema, `the new ${subject}`);
    },
    /** Ends the session (`DELETE /v1/session`), if one is open. */
    async close(): Promise<void> {
      const known = sessions.get(key);
      if (!known) return;
      sessions.delete(key);
      await once({ method: "DELETE", path: "/session" }, known.token).catch(() => undefined); // an ended session is ended
    },
  };
}

export type RestClient = ReturnType<typeof createRestClient>;

function queryString(query: Query = {}): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    if (typeof v === "object") parts.push(`${encodeURIComponent(k)}[${v.op}]=${encodeURIComponent(v.value)}`);
    else parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

function parse(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw unexpected("a request", `not JSON but ${describeBody(text)}`);
  }
}

/** For tests: forget the process's sessions. */
export const forgetRestSessions = () => sessions.clear();
