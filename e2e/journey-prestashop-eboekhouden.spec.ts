import { test } from "@playwright/test";
import { connectEboekhouden } from "./journey/accounting";
import { expectBookedOnReport, finishInstallation } from "./journey/dashboard";
import { screens } from "./journey/screens";
import { connectPrestashop, firstDocuments, placeDocument } from "./journey/shops";
import { signUpAndOpenWizard } from "./journey/sign-up";

test("manual 002, PrestaShop → e-Boekhouden: sign up, mail, install, connect, statuses, grid, first paid order on Report", async ({ page, request, baseURL }) => {
  const shot = screens("prestashop-eboekhouden");
  const merchant = await signUpAndOpenWizard(page, { source: "PrestaShop", target: "e-Boekhouden" }, shot);
  await connectPrestashop(page, `${baseURL}/sandbox/prestashop/${merchant.tenant}`, merchant.tenant, shot);
  await connectEboekhouden(page, merchant.tenant, shot);
  const report = await finishInstallation(page, merchant, shot);
  const { kind, payload, total } = firstDocuments.prestashopOrder;
  await placeDocument(request, "prestashop", merchant.tenant, kind, payload());
  await expectBookedOnReport(page, report, total, { fetchNow: true }, shot);
});
