import { ConnectorError } from "../types";

/**
 * The merchant enters the admin URL (manual chapter 5: "the admin URL of the webshop"), e.g.
 * https://www.jouwwebwinkel.nl/admin or https://www.jouwwebwinkel.nl/index.php/beheer. The admin
 * authorizes at <admin URL>/oauth_authorize; the store itself (OAuth endpoints, /api/rest) is the
 * admin URL without its last segment (the admin front name) and without index.php.
 */
export function shopUrls(adminUrl: string): { adminBaseUrl: string; storeBaseUrl: string } {
  const text = adminUrl.trim();
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new ConnectorError("invalid_credentials", `"${adminUrl}" is not a web address. Enter the address of the Magento admin, e.g. https://www.jouwwebwinkel.nl/admin.`, false);
  }
  // Anything after the admin front name (dashboard, secret keys) is not part of it.
  const path = url.pathname.replace(/\/(dashboard|key)(\/.*)?$/i, "").replace(/\/+$/, "");
  const segments = path.split("/").filter(Boolean);
  if (segments.length === 0 || segments.at(-1)!.toLowerCase() === "index.php") {
    throw new ConnectorError("invalid_credentials", `"${adminUrl}" does not end in the admin path. Enter the address of the Magento admin, e.g. https://www.jouwwebwinkel.nl/admin.`, false);
  }
  const store = segments.slice(0, -1).filter((s, i, all) => !(i === all.length - 1 && s.toLowerCase() === "index.php"));
  return {
    adminBaseUrl: `${url.origin}/${segments.join("/")}`,
    storeBaseUrl: `${url.origin}${store.length ? `/${store.join("/")}` : ""}`,
  };
}
