import { expect, test } from "@playwright/test";
import { connectEboekhouden } from "./journey/accounting";
import { expectBookedOnReport, finishInstallation } from "./journey/dashboard";
import { screens } from "./journey/screens";
import { connectPrestashop, firstDocuments, placeDocument } from "./journey/shops";
import { signUpAndOpenWizard } from "./journey/sign-up";

test("manual 002, PrestaShop → e-Boekhouden: sign up, mail, install, connect, statuses, resume later, grid, first paid order on Report", async ({ page: first, browser, request, baseURL }) => {
  const shot = screens("prestashop-eboekhouden");
  const merchant = await signUpAndOpenWizard(first, { source: "PrestaShop", target: "e-Boekhouden" }, shot);
  await connectPrestashop(first, `${baseURL}/sandbox/prestashop/${merchant.tenant}`, merchant.tenant, shot);
  await first.close();

  // Half-finished: the merchant comes back later, in a fresh browser, with the installation URL from the mail.
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/install/${merchant.licenseKey}`);
  await expect(page.getByTitle("Webshop (PrestaShop): ok")).toBeVisible();
  await expect(page.getByRole("group", { name: "Statuses to process" }).getByRole("checkbox", { name: "Payment accepted (paid)", exact: true })).toBeChecked();
  await expect(page.getByTitle("Accounting (e-Boekhouden): unknown")).toBeVisible();
  await shot.page(page, "resumed-later");

  await connectEboekhouden(page, merchant.tenant, shot);
  const report = await finishInstallation(page, merchant, shot);
  const { kind, payload, total } = firstDocuments.prestashopOrder;
  await placeDocument(request, "prestashop", merchant.tenant, kind, payload());
  await expectBookedOnReport(page, report, total, { fetchNow: true }, shot);
});
