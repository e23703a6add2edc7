import { describe, expect, it } from "vitest";
import { SANDBOX_APP } from "@/connectors/kmoshops/sandbox/credentials";
import { env } from "../config/env";
import { readOAuthState } from "./oauth-state";
import { awaitsAuthorization, sourceConnect } from "./source-connect";

const app = env().APP_URL;
const base = { licenseKey: "KEY 1", appUrl: app, sandbox: true };

describe("how each webshop is connected", () => {
  it("CCV Shop: the sandbox app store's install page with our install URL; a real shop gets the steps only", () => {
    const plan = sourceConnect({ ...base, system: "ccvshop", baseUrl: `${app}/sandbox/ccvshop/key-1` });
    expect(plan).toMatchObject({ kind: "app-store", store: "CCV Shop" });
    const link = new URL((plan as { installLink: string }).installLink);
    expect(link.pathname).toBe("/sandbox/ccvshop/key-1/onderhoud/AdminItems/AppStore/AppStore.Install.php");
    expect(link.searchParams.get("install_url")).toBe(`${app}/api/install/ccvshop`);
    expect(sourceConnect({ ...base, system: "ccvshop", baseUrl: "https://shop.ccvshop.nl", sandbox: false })).toMatchObject({ kind: "app-store", installLink: undefined });
  });

  it("KMO Shops: the app store link with our app id and the signed state", () => {
    const plan = sourceConnect({ ...base, system: "kmoshops", baseUrl: `${app}/sandbox/kmoshops/key-1` });
    const link = new URL((plan as { installLink: string }).installLink);
    expect(link.pathname).toBe("/sandbox/kmoshops/key-1/admin/apps/install");
    expect(link.searchParams.get("app")).toBe(SANDBOX_APP.id);
    expect(readOAuthState(link.searchParams.get("state")!)).toBe("KEY 1");
    expect(sourceConnect({ ...base, system: "kmoshops", baseUrl: null })).toMatchObject({ installLink: undefined });
  });

  it("Magento 2: the callback URL with the license key and the identity link URL", () => {
    expect(sourceConnect({ ...base, system: "magento2", baseUrl: null })).toEqual({
      kind: "magento2",
      callbackUrl: `${app}/api/install/magento2/callback?cikey=KEY%201`,
      identityUrl: `${app}/install/magento2/identity`,
    });
  });

  it("Magento 1.9: the form, then the start of the authorization", () => {
    expect(sourceConnect({ ...base, system: "magento1", baseUrl: null })).toEqual({ kind: "magento1", startUrl: "/api/install/magento1/start?licenseKey=KEY%201" });
    expect(awaitsAuthorization("magento1", { consumerKey: "k", consumerSecret: "s" })).toBe(true);
    expect(awaitsAuthorization("magento1", { consumerKey: "k", consumerSecret: "s", accessToken: "t" })).toBe(false);
    expect(awaitsAuthorization("prestashop", {})).toBe(false);
  });

  it("PrestaShop: the form", () => {
    expect(sourceConnect({ ...base, system: "prestashop", baseUrl: null })).toEqual({ kind: "form" });
  });
});
