import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import type { SourceSystem, TargetSystem } from "@/connectors/types";
import { env } from "../config/env";
import { hashPassword } from "../crypto/password";
import { sealCredentials } from "../crypto/secrets";
import type { Db } from "../db/client";

/**
 * For the install routes' tests and the e2e seed: merchants with installing integrations, and a
 * fetch that plays the network between the shop sandboxes and the app in one process (a shop's
 * server-to-server call to /api/install/… reaches the route handler; /sandbox/… the simulators).
 */
export const APP = () => env().APP_URL;

export const sandboxBase = (system: string, tenant: string, appUrl = APP()) => `${appUrl}/sandbox/${system}/${tenant}`;

export async function createMerchant(db: Db, email: string, password = "install-test") {
  const account = await db.account.create({
    data: { name: `Merchant ${email}`, users: { create: { email, name: email, passwordHash: await hashPassword(password) } } },
    include: { users: true },
  });
  return { accountId: account.id, userId: account.users[0]!.id, email };
}

/**
 * An integration as the trial registration leaves it: installing, both connections without keys,
 * the accounting side pointing at its sandbox tenant (tenant = license key in lower case). A
 * webshop may be given `sourceCredentials` (e.g. Magento 1's entered consumer keys).
 */
export async function createInstallingIntegration(db: Db, input: {
  accountId: string; licenseKey: string; source: SourceSystem; target: TargetSystem; status?: string;
  sourceCredentials?: Record<string, unknown>; sourceBaseUrl?: string; appUrl?: string;
}) {
  const tenant = input.licenseKey.toLowerCase();
  const appUrl = input.appUrl ?? APP();
  return db.integration.create({
    data: {
      accountId: input.accountId, licenseKey: input.licenseKey, name: `${input.licenseKey} shop`, sourceSystem: input.source, targetSystem: input.target,
      status: input.status ?? "installing",
      connections: {
        create: [
          { side: "source", system: input.source, baseUrl: input.sourceBaseUrl, credentialsEnc: input.sourceCredentials ? sealCredentials(input.sourceCredentials) : undefined },
          { side: "target", system: input.target, baseUrl: sandboxBase(input.target, tenant, appUrl) },
        ],
      },
    },
  });
}

type Handler = (req: Request) => Promise<Response>;
export type AppRoutes = Record<string, Partial<Record<"GET" | "POST", Handler>>>;
export type Delivered = { method: string; url: string; headers: Headers; body: string; status: number };

/**
 * Installs a global fetch that sends `<APP_URL><path>` to the given route handlers and /sandbox/…
 * to the simulators; everything the app received is kept in `delivered`. Returns the restore.
 */
export function useAppFetch(routes: AppRoutes) {
  const real = globalThis.fetch;
  const delivered: Delivered[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const handler = url.origin === new URL(APP()).origin ? routes[url.pathname]?.[req.method as "GET" | "POST"] : undefined;
    if (!handler) return inProcessSandboxFetch(req);
    const body = await req.clone().text();
    const res = await handler(req);
    delivered.push({ method: req.method, url: req.url, headers: req.headers, body, status: res.status });
    return res;
  }) as typeof fetch;
  return { delivered, restore: () => { globalThis.fetch = real; } };
}

/** A form post as the browser sends it. */
export const formPost = (url: string, fields: Record<string, string>) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });

/** Where a redirect answer points, and the error message it carries back to a page. */
export const locationOf = (res: Response) => new URL(res.headers.get("location") ?? "about:blank");
export const errorOf = (res: Response) => locationOf(res).searchParams.get("error");
export const noticeOf = (res: Response) => locationOf(res).searchParams.get("notice");
