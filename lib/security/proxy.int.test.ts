import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { discoverEntries } from "@/app/tenant-isolation.surface";
import { GET as inngestGet } from "@/app/api/inngest/route";
import { POST as webhookPost } from "@/app/api/webhooks/[system]/[licenseKey]/route";
import { config, proxy } from "@/proxy";
import { isCsrfExempt } from "./csrf";

// proxy.ts as Next runs it before every route: the cross-site request guard and the security headers.
const APP = "http://localhost:3000";
const call = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(`${APP}${path}`, { method: init.method ?? "GET", headers: { host: "localhost:3000", ...init.headers } }));
const passed = (res: Response) => res.headers.get("x-middleware-next") === "1";

describe("CSRF: every state-changing request from another site is refused", () => {
  // Every route handler with a mutating method, found on disk: a new one is covered as soon as it exists.
  const mutating = discoverEntries()
    .filter((e) => e.kind === "route")
    .flatMap((e) => {
      const source = readFileSync(e.file, "utf8");
      const methods = ["POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export (async function|const) ${m}\\b`).test(source));
      return methods.map((method) => ({ method, path: e.route.replace(/\[(?:\.\.\.)?[^\]]+\]/g, "x1") }));
    });

  it("finds the mutating route handlers", () => {
    expect(mutating.length).toBeGreaterThan(20);
  });

  for (const { method, path } of mutating) {
    it(`${method} ${path}`, async () => {
      const crossSite = await call(path, { method, headers: { origin: "https://evil.example" } });
      if (isCsrfExempt(path)) {
        expect(passed(crossSite), "exempt: called by other servers, authenticated on its own").toBe(true);
        return;
      }
      expect(crossSite.status).toBe(403);
      expect(await crossSite.json()).toMatchObject({ error: "cross_site_request" });
      expect((await call(path, { method, headers: { referer: "https://evil.example/page" } })).status).toBe(403);
      expect((await call(path, { method, headers: { origin: "null" } })).status).toBe(403);
      expect(passed(await call(path, { method, headers: { origin: APP } }))).toBe(true);
      expect(passed(await call(path, { method, headers: { referer: `${APP}/dashboard` } }))).toBe(true);
    });
  }

  it("refuses a cross-site server action post too, and lets the same site through, also behind a proxy", async () => {
    expect((await call("/dashboard/profile", { method: "POST", headers: { origin: "https://evil.example", "next-action": "abc" } })).status).toBe(403);
    expect(passed(await call("/dashboard/profile", { method: "POST", headers: { origin: APP, "next-action": "abc" } }))).toBe(true);
    expect(passed(await call("/api/support/tickets", { method: "POST", headers: { host: "app:3000", "x-forwarded-host": "boekkoppeling.example", origin: "https://boekkoppeling.example" } }))).toBe(true);
  });

  it("lets requests that name no origin through (not a browser page of another site)", async () => {
    expect(passed(await call("/api/locale", { method: "POST" }))).toBe(true);
  });
});

describe("security headers", () => {
  it("are on pages, route handlers and refusals alike", async () => {
    for (const res of [await call("/login"), await call("/api/integrations/x1"), await call("/api/support/tickets", { method: "POST", headers: { origin: "https://evil.example" } })]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*(https?:|\*)/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("adds HSTS when served over https (directly or behind a TLS proxy)", async () => {
    expect((await call("/login", { headers: { "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const direct = await proxy(new NextRequest("https://app.example/login"));
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("the routes proxy.ts does not run before", () => {
  // Next reads the matcher as a regular expression over the path.
  const runsBefore = (path: string) => new RegExp(`^${config.matcher[0]}$`).test(path);
  const skipped = discoverEntries().filter((e) => !runsBefore(e.route.replace(/\[(?:\.\.\.)?[^\]]+\]/g, "x1")));

  it("are only the machine endpoints: shops' webhooks and the executor's calls", () => {
    expect(skipped.map((e) => e.route).sort()).toEqual(["/api/inngest", "/api/webhooks/[system]/[licenseKey]"]);
    for (const path of ["/dashboard", "/login", "/api/integrations/x1", "/api/install/ccvshop", "/api/webhooks", "/sandbox/ccvshop/x/api/rest/v1/orders"]) expect(runsBefore(path), path).toBe(true);
    for (const e of skipped) expect(isCsrfExempt(e.route), `${e.route} is signed and needs no cross-site guard`).toBe(true);
  });

  it("set the security headers themselves", async () => {
    const webhook = await webhookPost(new Request(`${APP}/api/webhooks/nosuchshop/x1`, { method: "POST", body: "{}" }), { params: Promise.resolve({ system: "nosuchshop", licenseKey: "x1" }) });
    const executor = await inngestGet(new NextRequest(`${APP}/api/inngest`), undefined);
    for (const res of [webhook, executor]) {
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(webhook.status).toBe(401);
  });
});
