import { test } from "@playwright/test";
import { connectRompslomp } from "./journey/accounting";
import { expectBookedOnReport, finishInstallation } from "./journey/dashboard";
import { screens } from "./journey/screens";
import { connectMagento2, placeMagentoInvoice } from "./journey/shops";
import { signUpAndOpenWizard } from "./journey/sign-up";

test("manual 000, Magento 2 → Rompslomp: sign up, mail, install, connect, configure, first invoice on Report", async ({ page, request, baseURL }) => {
  const shot = screens("magento-rompslomp");
  const merchant = await signUpAndOpenWizard(page, { source: "Magento 2", target: "Rompslomp" }, shot);
  await connectMagento2(page, `${baseURL}/sandbox/magento2/${merchant.tenant}`, merchant.tenant, shot);
  await connectRompslomp(page, merchant.tenant, shot);
  const report = await finishInstallation(page, merchant, shot);
  await placeMagentoInvoice(request, merchant.tenant);
  await expectBookedOnReport(page, report, "96.21", { fetchNow: true }, shot);
});
