import { test } from "@playwright/test";
import { connectRompslomp } from "./journey/accounting";
import { expectBookedOnReport, finishInstallation } from "./journey/dashboard";
import { screens } from "./journey/screens";
import { chooseCcvProcessing, firstDocuments, installFromAppStore, placeDocument } from "./journey/shops";
import { signUpAndOpenWizard } from "./journey/sign-up";

test("manual 001, CCV Shop → Rompslomp: sign up, mail, app store install, connect, configure, first paid order on Report", async ({ page, request }) => {
  const shot = screens("ccvshop-rompslomp");
  const merchant = await signUpAndOpenWizard(page, { source: "CCV Shop", target: "Rompslomp" }, shot);
  await installFromAppStore(page, "CCV Shop", merchant, merchant.licenseKey, shot);
  await chooseCcvProcessing(page, "paid-orders");
  await connectRompslomp(page, merchant.tenant, shot);
  const report = await finishInstallation(page, merchant, shot);
  const { kind, payload, total } = firstDocuments.ccvOrder;
  await placeDocument(request, "ccvshop", merchant.tenant, kind, payload);
  await expectBookedOnReport(page, report, total, { fetchNow: false }, shot);
});
